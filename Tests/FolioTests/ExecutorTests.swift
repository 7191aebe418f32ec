import Folio
import XCTest

/// Runs notebooks through the executor with the runtime built next to the tests.
final class ExecutorTests: XCTestCase {
    private func run(_ text: String) async throws -> [CellResult] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = try parse(text, path: directory.appendingPathComponent("nb.md").path)
        return try await Executor(toolchain: try Toolchain.locate()).run(document)
    }

    func testATensorShownAsLastExpressionRecordsAnHTMLViewOfExactlyItsPrintedBytes() async throws {
        let results = try await run("""
            ```swift
            print("before")
            Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
            ```

            """)
        let result = try XCTUnwrap(results.first)
        XCTAssertEqual(result.status, .ok)
        XCTAssertEqual(result.text, "before\n[[1. 2.]\n [3. 4.]]\n")
        let display = try XCTUnwrap(result.displays.first)
        XCTAssertEqual(result.displays.count, 1)
        let shown = String(decoding: Array(result.text.utf8)[display.range], as: UTF8.self)
        XCTAssertEqual(shown, "[[1. 2.]\n [3. 4.]]\n")
        XCTAssertTrue(display.html.contains("<table"), display.html)
    }

    func testStdoutAndStderrInterleaveInTheOrderTheyWerePrinted() async throws {
        let results = try await run("""
            ```swift
            import Foundation
            print("out 1")
            FileHandle.standardError.write("err 2\\n".data(using: .utf8)!)
            print("out 3", terminator: "")
            ```

            ```swift
            print("next")
            ```

            """)
        XCTAssertEqual(results.map(\.text), ["out 1\nerr 2\nout 3\n", "next\n"])
    }

    func testEveryCellGetsAResultInDocumentOrder() async throws {
        let results = try await run("""
            ```swift ignore
            nothing here
            ```

            ```swift
            let s = "quoted"
            s
            ```

            ```swift
            import Foundation
            exit(3)
            ```

            ```swift
            print("never")
            ```

            """)
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(results[0].status, .notRun)
        XCTAssertEqual(results[1], CellResult(status: .ok, text: "\"quoted\"\n"))
        guard case .failed(let message) = results[2].status else { return XCTFail("\(results[2])") }
        XCTAssertTrue(message.hasSuffix("nb.md:10: error: the program exited with status 3 during this cell"), message)
        XCTAssertEqual(results[3].status, .notRun)
    }
}
