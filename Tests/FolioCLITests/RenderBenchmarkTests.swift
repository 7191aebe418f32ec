import Foundation
import XCTest
@testable import FolioCLI

/// Render times for BENCHMARKS.md ("Rendering"): the seed notebook alone and 200 copies of it, with stored
/// outputs (`--no-exec`): parsing the notebooks and writing the site. Runs only with `FOLIO_BENCHMARKS=1`, so the unit suite stays fast;
/// `scripts/bench-render` times the release `folio` binary the same way.
final class RenderBenchmarkTests: XCTestCase {
    func testRenderTimeOfTheSeedAndOf200Copies() throws {
        guard ProcessInfo.processInfo.environment["FOLIO_BENCHMARKS"] == "1" else {
            throw XCTSkip("benchmark: set FOLIO_BENCHMARKS=1 to run")
        }
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try fixtureSite().appendingPathComponent("embedding.md")
        for (name, copies) in [("one", 1), ("many", 200)] {
            let notebooks = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: try fixtureSite().appendingPathComponent("assets"),
                                             to: notebooks.appendingPathComponent("assets"))
            for copy in 1...copies {
                try FileManager.default.copyItem(at: seed, to: notebooks.appendingPathComponent(String(format: "seed-%03d.md", copy)))
            }
            let command = try Render.parse([notebooks.path, "--out", folder.appendingPathComponent("site").path, "--no-exec"])
            var times: [Double] = []
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                let documents = try command.execution.documents()
                _ = try command.write(documents.map { ($0, $0.storedResults) })
                XCTAssertEqual(documents.count, copies)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            print("render --no-exec, \(copies) notebook(s): median \(times.sorted()[2].rounded()) ms of 5 runs")
        }
    }
}
