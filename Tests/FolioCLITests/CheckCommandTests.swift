import XCTest

final class CheckCommandTests: FolioProcessTestCase {
    private let notebook = """
        ```swift
        print("value", 0.5)
        ```

        ```output
        value 0.5
        ```

        """

    func testMatchingOutputsExitZeroAndTheFileIsNotTouched() throws {
        try folio.write("nb.md", notebook)
        let outcome = try folio.run(["check", "nb.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(try folio.read("nb.md"), notebook)
    }

    func testAStaleOutputExitsOneWithAUnifiedDiffHeadedByTheCellLine() throws {
        let stale = notebook.replacingOccurrences(of: "value 0.5", with: "value 0.25")
        try folio.write("nb.md", stale)
        let outcome = try folio.run(["check", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, """
            nb.md:1: error: output is stale
            --- nb.md:1 (stored)
            +++ nb.md:1 (actual)
            @@ -1 +1 @@
            -value 0.25
            +value 0.5

            """)
        XCTAssertEqual(try folio.read("nb.md"), stale, "check writes nothing")
    }

    func testAMissingOrSurplusOutputBlockIsStale() throws {
        try folio.write("missing.md", "```swift\nprint(1)\n```\n")
        try folio.write("surplus.md", "```swift\nlet x = 1\n```\n\n```output\n1\n```\n")
        let outcome = try folio.run(["check", "missing.md", "surplus.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.contains("missing.md:1: error: output is missing\n--- missing.md:1 (stored)\n+++ missing.md:1 (actual)\n@@ -0,0 +1 @@\n+1\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("surplus.md:1: error: output block should be removed"), outcome.stdout)
    }

    func testNumbersMatchWithinTheToleranceWhichIsSettable() throws {
        try folio.write("nb.md", notebook.replacingOccurrences(of: "value 0.5\n```", with: "value 0.50002\n```"))
        XCTAssertEqual(try folio.run(["check", "nb.md"]).status, 0)
        XCTAssertEqual(try folio.run(["check", "--tolerance", "1e-6", "nb.md"]).status, 1)
        try folio.write("far.md", notebook.replacingOccurrences(of: "value 0.5\n```", with: "value 0.51\n```"))
        XCTAssertEqual(try folio.run(["check", "far.md"]).status, 1)
        XCTAssertEqual(try folio.run(["check", "--tolerance", "0.05", "far.md"]).status, 0)
    }

    func testAFailingCellFailsTheCheck() throws {
        try folio.write("nb.md", "```swift\nlet xs: [Int] = []\nprint(\"ok\")\nprint(xs[0])\n```\n")
        let outcome = try folio.run(["check", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.contains("nb.md:4: error: Fatal error: Index out of range\n"), outcome.stdout)
    }

    func testRunThenCheckPassesForEveryKindOfCell() throws {
        try folio.write("all.md", """
            ```swift
            print("plain")
            ```

            ```swift compile-fail
            let n: Int = "x"
            ```

            ```swift should-fail
            fatalError("expected")
            ```

            ```swift ignore
            not compiled
            ```

            ```swift hide-code
            [1, 2, 3].map { $0 * 2 }
            ```

            """)
        XCTAssertEqual(try folio.run(["run", "all.md"]).status, 0)
        let outcome = try folio.run(["check", "all.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stdout)
    }

    func testBadInputExitsTwo() throws {
        try folio.write("bad.md", "---\ntitle: [unclosed\n")
        let outcome = try folio.run(["check", "bad.md"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("bad.md:1: error:"), outcome.stderr)
        XCTAssertEqual(try folio.run(["check", "--tolerance", "-1", "bad.md"]).status, 2)
    }
}
