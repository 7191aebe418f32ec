@testable import Folio
import XCTest

final class ProgramCellChecksTests: XCTestCase {
    /// The notebook made of `cells` (one ```swift block each, separated by a blank line), checked.
    private func check(_ cells: [String], options: [String] = []) throws -> (cell: Cell, errors: [String])? {
        let text = cells.enumerated().map { index, code in
            let option = options.indices.contains(index) && !options[index].isEmpty ? " " + options[index] : ""
            return "```swift\(option)\n\(code)\n```\n"
        }.joined(separator: "\n")
        let document = try parse(text, path: "dir/nb.md")
        return CellChecks.firstFailure(in: document.cells, fileName: "nb.md").map { failure in
            (failure.cell, failure.errors.map { $0.located(in: document.path) })
        }
    }

    private func assertPasses(_ cells: [String], options: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let failure = try check(cells, options: options)
        XCTAssertNil(failure, "\(failure?.errors ?? [])", file: file, line: line)
    }

    // MARK: Names declared in a later cell

    func testAVariableDeclaredInALaterCellIsReportedAtItsUseLikeANameError() throws {
        let failure = try XCTUnwrap(try check(["print(later + 1)", "let later = 41"]))
        XCTAssertEqual(failure.cell.index, 0)
        XCTAssertEqual(failure.errors, ["""
            dir/nb.md:2:7: error: name 'later' is not defined yet: it is declared later, in the cell at line 5 (cells run from top to bottom)
            print(later + 1)
                  ^
            """])
    }

    func testFunctionsAndTypesDeclaredLaterAreReportedToo() throws {
        XCTAssertEqual(try check(["greet()", "func greet() { print(1) }"])?.errors.first?.hasPrefix(
            "dir/nb.md:2:1: error: name 'greet' is not defined yet"), true)
        XCTAssertEqual(try check(["let point = Point()", "struct Point {}"])?.errors.first?.hasPrefix(
            "dir/nb.md:2:13: error: name 'Point' is not defined yet"), true)
        XCTAssertEqual(try check(["var points: [Point] = []", "struct Point {}"])?.errors.first?.hasPrefix(
            "dir/nb.md:2:14: error: name 'Point' is not defined yet"), true)
        XCTAssertEqual(try check(["func f() -> Int { later }", "let later = 1"])?.errors.first?.hasPrefix(
            "dir/nb.md:2:19: error: name 'later' is not defined yet"), true, "a cell sees only the cells above, in any body")
    }

    func testEveryUseInTheFirstFailingCellIsReported() throws {
        let failure = try XCTUnwrap(try check(["print(1)", "print(a)\nprint(b)", "let a = 1\nlet b = 2"]))
        XCTAssertEqual(failure.cell.index, 1)
        XCTAssertEqual(failure.errors.count, 2)
        XCTAssertTrue(failure.errors[1].hasPrefix("dir/nb.md:7:7: error: name 'b'"), failure.errors[1])
    }

    func testLocalsParametersClosureParametersAndMembersAreNotUsesOfALaterName() throws {
        try assertPasses([
            """
            func twice(_ later: Int) -> Int { later * 2 }
            let doubled = [1, 2].map { later in later * 2 }
            do { let later = 3; print(later) }
            for later in 0..<2 { print(later) }
            if let later = Int("4") { print(later) }
            struct Box { var later = 0; func get() -> Int { later } }
            let box = Box(later: 1)
            print(box.later, \\Box.later)
            enum Kind { case later }
            let kind: Kind = .later
            """,
            "let later = 41",
        ])
    }

    func testANameAnEarlierCellDeclaresIsNeverReported() throws {
        try assertPasses(["let value = 1", "print(value)", "func value(_ x: Int) -> Int { x }"])
    }

    func testAShouldFailCellsDeclarationsStayInThatCell() throws {
        // The first cell's `x` is not visible below; the compiler reports that, not Folio.
        try assertPasses(["let x = 1\nfatalError()", "let y = 2"], options: ["should-fail", ""])
    }

    func testInheritedMembersMayBeMeantInsideASubclassOrExtension() throws {
        try assertPasses([
            "class Base { var units = 1 }",
            "class Model: Base { func f() -> Int { units } }\nextension Int { var twice: Int { units } }",
            "let units = 5",
        ])
    }

    func testAVariableUsedBeforeItsDeclarationInTheSameCellIsReported() throws {
        let failure = try XCTUnwrap(try check(["print(y + 1)\nlet y = 41"]))
        XCTAssertEqual(failure.errors, ["""
            dir/nb.md:2:7: error: name 'y' is used before its declaration on line 3
            print(y + 1)
                  ^
            """])
    }

    func testAFunctionInTheSameCellMayUseAVariableDeclaredBelowIt() throws {
        try assertPasses(["func show() { print(y) }\nlet y = 41\nshow()"])
        try assertPasses(["let later = { print(z) }\nlet z = 1\nlater()"])
    }

    // MARK: Each cell a complete unit

    func testABracketLeftOpenForTheNextCellIsReportedWhereItOpens() throws {
        let failure = try XCTUnwrap(try check(["let a = [1,", "2]\nprint(a)"]))
        XCTAssertEqual(failure.cell.index, 0)
        XCTAssertEqual(failure.errors, ["""
            dir/nb.md:2:9: error: '[' is never closed in this cell (expected ']' to end array); \
            a cell must close its brackets, braces, strings and comments
            let a = [1,
                    ^
            """])
    }

    func testBracesStringsAndCommentsLeftOpenAreReported() throws {
        XCTAssertEqual(try check(["print(1)", "for i in 0..<2 {\n  print(i)", "}"])?.errors.first?.hasPrefix(
            "dir/nb.md:6:16: error: '{' is never closed in this cell"), true)
        let string = try check(["let s = \"\"\"\ntext", "\"\"\""])?.errors ?? []
        XCTAssertEqual(string.first?.hasPrefix(
            "dir/nb.md:2:9: error: '\"\"\"' is never closed in this cell"), true, "\(string)")
        let comment = try check(["let x = 1 /* start", "end */"])?.errors ?? []
        XCTAssertEqual(comment.first?.hasPrefix(
            "dir/nb.md:2:11: error: unterminated '/*' comment; a cell must close its strings and comments"), true, "\(comment)")
    }

    func testASyntaxErrorOnTheLastLineIsReportedAtTheAuthorsLineAndColumn() throws {
        let failure = try XCTUnwrap(try check(["let x = 3", "print(x)\nprint(x.shape"]))
        XCTAssertEqual(failure.cell.index, 1)
        XCTAssertEqual(failure.errors.first?.hasPrefix("dir/nb.md:7:6: error: '(' is never closed in this cell"), true,
                       "\(failure.errors)")
        XCTAssertFalse(failure.errors.joined().contains("sourceLocation"))
    }

    func testAnExpressionMissingAtTheEndOfACellIsReportedOnItsLastLine() throws {
        let failure = try XCTUnwrap(try check(["let x = 1", "let y =\n\n"]))
        XCTAssertEqual(failure.errors.first?.hasPrefix("dir/nb.md:6:8: error: expected expression"), true, "\(failure.errors)")
    }

    func testIgnoreAndCompileFailCellsAreNotChecked() throws {
        try assertPasses(["not swift {", "let x = [1,"], options: ["ignore", "compile-fail"])
    }

    func testTheFirstFailingCellInOrderWins() throws {
        let failure = try XCTUnwrap(try check(["print(later)", "let later = 1", "let broken = ("]))
        XCTAssertEqual(failure.cell.index, 0)
    }
}
