import Folio
import XCTest

final class CheckProblemTests: XCTestCase {
    private let text = """
        ```swift
        print(1)
        ```

        ```output
        1
        ```

        ```swift
        print(2)
        ```

        ```swift
        print(3)
        ```

        ```output
        3
        ```
        """

    func testMatchingOutputsHaveNoProblems() throws {
        let document = try parse(text)
        let results = [CellResult(status: .ok, text: "1\n"), CellResult(status: .ok, text: ""),
                       CellResult(status: .ok, text: "3.00001\n")]
        XCTAssertEqual(OutputCheck().problems(in: document, results: results), [])
    }

    func testStaleMissingAndRemovedOutputsAreEachReportedAtTheCellFence() throws {
        let document = try parse(text, path: "nb/x.md")
        let results = [CellResult(status: .ok, text: "one\n"), CellResult(status: .ok, text: "2\n"),
                       CellResult(status: .ok, text: "")]
        let problems = OutputCheck().problems(in: document, results: results)
        XCTAssertEqual(problems.map(\.message), [
            "nb/x.md:1: error: output is stale",
            "nb/x.md:9: error: output is missing",
            "nb/x.md:13: error: output block should be removed (the cell prints nothing)",
        ])
        XCTAssertEqual(problems[0].diff, "--- nb/x.md:1 (stored)\n+++ nb/x.md:1 (actual)\n@@ -1 +1 @@\n-1\n+one\n")
    }

    func testFailedCellsAreProblemsAndCellsThatDidNotRunAreNot() throws {
        let document = try parse(text)
        let results = [CellResult(status: .failed(message: "test.md:2: error: boom"), text: "boom\n"),
                       CellResult(status: .notRun, text: ""), CellResult(status: .notRun, text: "")]
        let problems = OutputCheck().problems(in: document, results: results)
        XCTAssertEqual(problems.map(\.description), ["test.md:2: error: boom"])
    }
}
