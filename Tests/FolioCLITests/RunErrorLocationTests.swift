import XCTest

/// A notebook that cannot run as written is reported at the author's line and column, never at
/// generated code, and the cells before the failing one keep their outputs.
final class RunErrorLocationTests: FolioProcessTestCase {
    func testANameDeclaredInALaterCellFailsAtItsUseInsteadOfPrintingAWrongAnswer() throws {
        try folio.write("nb.md", """
            ```swift
            print("first")
            ```

            ```swift
            print(later + 1)
            ```

            ```swift
            let later = 41
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("""
            nb.md:6:7: error: name 'later' is not defined yet: it is declared later, in the cell at line 9 (cells run from top to bottom)
            print(later + 1)
                  ^
            """), outcome.stderr)
        XCTAssertEqual(try folio.read("nb.md"), """
            ```swift
            print("first")
            ```

            ```output
            first
            ```

            ```swift
            print(later + 1)
            ```

            ```output
            cell:1:7: error: name 'later' is not defined yet: it is declared later, in cell 3 (cells run from top to bottom)
            print(later + 1)
                  ^
            ```

            ```swift
            let later = 41
            ```

            """)
    }

    func testATensorDeclaredInALaterCellIsReportedNotCrashed() throws {
        try folio.write("nb.md", """
            ```swift
            print(weights.shape)
            ```

            ```swift
            let weights = Tensor([[1.0, 2.0]])
            ```

            """)
        let outcome = try folio.run(["check", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        let printed = outcome.stdout + outcome.stderr
        XCTAssertTrue(printed.contains("nb.md:2:7: error: name 'weights' is not defined yet: it is declared later, in the cell at line 5"),
                      printed)
        XCTAssertFalse(printed.contains("signal"), printed)
    }

    func testABracketLeftOpenForTheNextCellIsReportedWhereItOpens() throws {
        try folio.write("nb.md", """
            ```swift
            print("before")
            ```

            ```swift
            let values = [1,
            ```

            ```swift
            2]
            print(values)
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("""
            nb.md:6:14: error: '[' is never closed in this cell (expected ']' to end array); \
            a cell must close its brackets, braces, strings and comments
            """), outcome.stderr)
        XCTAssertTrue(try folio.read("nb.md").contains("```output\nbefore\n```"), "the cell before keeps its output")
    }

    func testASyntaxErrorOnACellsLastLineIsReportedThereAndTheCellsBeforeKeepTheirOutputs() throws {
        try folio.write("nb.md", """
            ```swift
            let x = Tensor([[1.0, 2.0]])
            print(x)
            ```

            ```swift
            print(x.shape
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md:7:6: error: '(' is never closed in this cell"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("sourceLocation"), outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("```output\n[[1. 2.]]\n```"), written)
        XCTAssertFalse(written.contains("sourceLocation"), written)
    }

    func testAnErrorInALastExpressionQuotesTheAuthorsLineAtTheAuthorsColumn() throws {
        try folio.write("nb.md", """
            ```swift
            let t = Tensor([[1.0, 2.0]])
            t.shapee
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("""
            nb.md:3:3: error: value of type 'Tensor' has no member 'shapee'
            t.shapee
            ~ ^~~~~~
            """), outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("```output\ncell:2:3: error: value of type 'Tensor' has no member 'shapee'\nt.shapee\n~ ^~~~~~\n```"),
                      written)
        XCTAssertFalse((outcome.stderr + written).contains("__Folio"))
    }

    func testACompileFailCellQuotesTheAuthorsLastExpression() throws {
        try folio.write("nb.md", """
            ```swift compile-fail
            let n = 1
            n.missing
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("cell:2:3: error: value of type 'Int' has no member 'missing'\nn.missing\n~ ^~~~~~~\n"), written)
        XCTAssertFalse(written.contains("__Folio"), written)
    }
}
