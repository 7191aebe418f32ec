@testable import Folio
import XCTest

/// The output limit's cut, the size parser and the sandbox front matter key.
final class ExecutionLimitTests: XCTestCase {
    private func cut(_ text: String, lines: Int) -> String {
        String(decoding: OutputLimit(lines: lines).truncating(Array(text.utf8)[...]).kept, as: UTF8.self)
    }

    func testOutputWithinTheLimitIsUnchanged() {
        XCTAssertEqual(cut("a\nb\nc\n", lines: 3), "a\nb\nc\n")
        XCTAssertEqual(cut("", lines: 2), "")
    }

    func testLongOutputKeepsHeadAndTailAndCountsWhatItLeftOut() {
        let text = (1...10).map { "\($0)\n" }.joined()
        let kept = cut(text, lines: 4)
        XCTAssertTrue(kept.hasPrefix("1\n2\n… output truncated: 6 lines (12 bytes) omitted; a cell keeps 4 lines or 1 KiB"), kept)
        XCTAssertTrue(kept.hasSuffix("…\n9\n10\n"), kept)
    }

    func testOneHugeLineIsCutByBytesAtACharacterBoundary() {
        let text = String(repeating: "가", count: 2000)  // 3 bytes each: 6000 bytes, one line
        let kept = cut(text, lines: 10)  // 1048 bytes: 524 of head and of tail
        let parts = kept.components(separatedBy: "\n")
        XCTAssertEqual(parts.count, 3, kept)
        XCTAssertEqual(parts[0], String(repeating: "가", count: 174))
        XCTAssertEqual(parts[2], String(repeating: "가", count: 174))
        XCTAssertTrue(parts[1].contains("0 lines (4956 bytes) omitted"), parts[1])
    }

    func testSizesParseWithBinaryUnits() {
        XCTAssertEqual(ResourceLimits.bytes("4G"), 4 << 30)
        XCTAssertEqual(ResourceLimits.bytes("512MiB"), 512 << 20)
        XCTAssertEqual(ResourceLimits.bytes("1.5g"), 3 << 29)
        XCTAssertEqual(ResourceLimits.bytes("4096"), 4096)
        XCTAssertNil(ResourceLimits.bytes("-1G"))
        XCTAssertNil(ResourceLimits.bytes("lots"))
        XCTAssertEqual(ResourceLimits.describe(bytes: 4 << 30), "4 GiB")
    }

    func testTheSandboxKeyAllowsNetworkAndRejectsAnythingElse() throws {
        let allowed = try parse("---\nsandbox: { network: true }\n---\n", path: "a.md")
        XCTAssertEqual(try SandboxPolicy(of: allowed), SandboxPolicy(network: true))
        XCTAssertEqual(try SandboxPolicy(of: try parse("# x\n", path: "b.md")), SandboxPolicy())
        for bad in ["sandbox: true", "sandbox: { network: maybe }", "sandbox: { home: true }"] {
            XCTAssertThrowsError(try SandboxPolicy(of: try parse("---\n\(bad)\n---\n", path: "c.md")), bad) { error in
                XCTAssertTrue("\(error)".hasPrefix("c.md: error: front matter 'sandbox"), "\(error)")
            }
        }
    }

    func testACellRunningLongIsReportedInProgress() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = try parse("""
            ```swift
            print(1)
            ```

            ```swift timeout=20
            import Glibc
            sleep(3)
            ```

            """, path: directory.appendingPathComponent("slow.md").path)
        let lines = LockedLines()
        var executor = Executor(toolchain: try Toolchain.locate(), progress: { lines.append($0) })
        executor.progressInterval = .seconds(1)
        _ = try await executor.run(document)
        XCTAssertTrue(lines.all.contains("\(document.path): cell 2 (line 5) still running, 1 s (time limit 20 s)"), "\(lines.all)")
        XCTAssertTrue(lines.all.contains { $0.contains("cell 2 (line 5) still running, 2 s") }, "\(lines.all)")
        XCTAssertFalse(lines.all.contains { $0.contains("cell 1") }, "\(lines.all)")
    }
}

/// Lines collected from another thread.
private final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
