@testable import Folio
import XCTest

final class ProgramAuthoredDiagnosticsTests: XCTestCase {
    private func program(_ code: String) throws -> Program {
        let document = try parse("```swift\n\(code)\n```\n", path: "nb.md")
        return Program(fileName: "nb.md", seed: 1, cells: document.cells)
    }

    private func diagnostic(line: Int, column: Int, excerpt: [String]) -> Diagnostic {
        Diagnostic(file: "nb.md", line: line, column: column, severity: .error, message: "m", excerpt: excerpt)
    }

    func testAColumnAfterTheDisplayCallMovesBackToTheAuthorsColumnAndTheQuoteIsTheAuthorsLine() throws {
        let program = try program("let t = 1\nt.shapee")
        XCTAssertTrue(program.source.contains("__Folio.display(t.shapee)"))
        let authored = program.authored(diagnostic(line: 3, column: 19, excerpt: ["__Folio.display(t.shapee)", "                ~ ^~~~~~"]))
        XCTAssertEqual(authored.column, 3)
        XCTAssertEqual(authored.excerpt, ["t.shapee", "~ ^~~~~~"])
    }

    func testAColumnInsideTheInsertedCodeIsTheStartOfTheAuthorsExpression() throws {
        let program = try program("  value")
        XCTAssertEqual(program.authored(diagnostic(line: 2, column: 5, excerpt: [])).column, 3)
    }

    func testTheClosingParenthesisOnTheSameLineIsAccountedFor() throws {
        let program = try program("(a, b) // note")
        // `__Folio.display((a, b)) // note`: the comment starts at column 25 in the program, 8 in the cell.
        XCTAssertEqual(program.authored(diagnostic(line: 2, column: 25, excerpt: [])).column, 8)
    }

    func testAnExpressionOverSeveralLinesMovesOnlyItsFirstLine() throws {
        let program = try program("max(1,\n    2)")
        XCTAssertEqual(program.authored(diagnostic(line: 2, column: 17, excerpt: [])).column, 1)
        XCTAssertEqual(program.authored(diagnostic(line: 3, column: 5, excerpt: ["    2))", "    ^"])).excerpt, ["    2)", "    ^"])
    }

    func testLinesWithoutInsertedCodeAreLeftAsTheyAre() throws {
        let program = try program("let a = 1\nprint(a)")
        let unchanged = diagnostic(line: 2, column: 5, excerpt: ["let a = 1", "    ^"])
        XCTAssertEqual(program.authored(unchanged), unchanged)
    }
}
