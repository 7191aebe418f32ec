@testable import Folio
import XCTest

final class ProgramTests: XCTestCase {
    private let notebook = """
        # Title

        ```swift
        let a = 1
        print(a)
        ```

        ```swift should-fail
        fatalError("boom")
        ```

        ```swift ignore
        not swift at all
        ```
        """

    func testEachCellFollowsItsBoundaryCallAndASourceLocationAtItsFirstCodeLine() throws {
        let document = try parse(notebook, path: "dir/intro.md")
        let program = Program(fileName: "intro.md", seed: 7, cells: Array(document.cells.prefix(2)))
        XCTAssertEqual(program.source, """
            import Tensors
            import FolioRuntime

            __Folio.start(seed: 7)
            __Folio.beginCell(0)
            #sourceLocation(file: "intro.md", line: 4)
            let a = 1
            print(a)
            #sourceLocation()
            __Folio.beginCell(1)
            __Folio.expectFailure(cell: 1) { () throws -> Void in
            #sourceLocation(file: "intro.md", line: 9)
            fatalError("boom")
            #sourceLocation()
            }
            __Folio.finish()

            """)
    }

    func testFileNameWithQuotesAndBackslashesIsEscapedInTheSourceLocation() throws {
        let document = try parse("```swift\nprint(1)\n```\n")
        let program = Program(fileName: #"a "b"\c.md"#, seed: 1, cells: document.cells)
        XCTAssertTrue(program.source.contains(#"#sourceLocation(file: "a \"b\"\\c.md", line: 2)"#), program.source)
    }

    func testCellCodeWithoutFinalNewlineStillEndsBeforeTheLocationReset() throws {
        let cell = Cell(index: 0, code: "print(1) // no newline", options: CellOptions(), fenceLine: 1, codeLine: 2,
                        range: 0..<10, output: nil)
        let program = Program(fileName: "x.md", seed: 1, cells: [cell])
        XCTAssertTrue(program.source.contains("print(1) // no newline\n#sourceLocation()\n"), program.source)
    }

    func testMarkdownLinesMapToTheCellWhoseCodeHoldsThem() throws {
        let document = try parse(notebook)
        let program = Program(fileName: "test.md", seed: 1, cells: Array(document.cells.prefix(2)))
        XCTAssertNil(program.cell(atLine: 3), "the fence line is not code")
        XCTAssertEqual(program.cell(atLine: 4)?.index, 0)
        XCTAssertEqual(program.cell(atLine: 5)?.index, 0)
        XCTAssertNil(program.cell(atLine: 6))
        XCTAssertEqual(program.cell(atLine: 9)?.index, 1)
        XCTAssertNil(program.cell(atLine: 14), "ignored cells are not in the program")
    }

    func testLastExpressionOfACellIsWrappedForDisplay() throws {
        let document = try parse("```swift\nlet a = 2\na * 3\n```\n")
        let program = Program(fileName: "test.md", seed: 1, cells: document.cells)
        XCTAssertTrue(program.source.contains("let a = 2\n__Folio.display(a * 3)\n#sourceLocation()"), program.source)
    }
}
