@testable import Folio
import XCTest

final class ExecutorRecordTests: XCTestCase {
    func testControlRecordsParseIncludingHTMLWithNewlines() {
        let html = "<table>\n<tr><td>1</td></tr>\n</table>"
        let bytes = Array("cell 0 0\ndisplay 4 9 \(html.utf8.count)\n\(html)\nexpected-failure 1 failed\ncell 2 12\nstatement 31\nend 20\n".utf8)
        XCTAssertEqual(ControlRecord.parse(bytes), [
            .cell(index: 0, offset: 0), .display(range: 4..<9, html: html),
            .expectedFailure(index: 1, failed: true), .cell(index: 2, offset: 12), .statement(line: 31), .end(offset: 20),
        ])
    }

    func testAFigureRecordCarriesItsSVGAndDescriptionWhateverTheyContain() {
        let svg = "<svg>\n<text>figure 3 4\nend 9</text>\n</svg>\n", description = "Line chart \"손실\""
        let bytes = Array("cell 0 0\nfigure \(svg.utf8.count) \(description.utf8.count)\n\(svg)\n\(description)\nend 5\n".utf8)
        XCTAssertEqual(ControlRecord.parse(bytes), [.cell(index: 0, offset: 0), .figure(svg: svg, description: description), .end(offset: 5)])
        XCTAssertEqual(ControlRecord.parse(Array("cell 0 0\nfigure 100 3\n<svg".utf8)), [.cell(index: 0, offset: 0)])
    }

    func testARecordCutOffByAKillIsIgnored() {
        XCTAssertEqual(ControlRecord.parse(Array("cell 0 0\ncell 1 1".utf8)), [.cell(index: 0, offset: 0)])
        XCTAssertEqual(ControlRecord.parse(Array("cell 0 0\ndisplay 0 3 100\n<tab".utf8)), [.cell(index: 0, offset: 0)])
    }

    func testCompilerDiagnosticsParseWithTheirExcerpts() {
        let output = """
            a.md:7:5: error: cannot find 'y' in scope
            print(y)
                  ^
            a.md:3:9: warning: initialization of immutable value 'z' was never used
            let z = 1
                ^
            error: fatal error encountered during compilation
            """
        let (diagnostics, unlocated) = Diagnostic.parse(output)
        XCTAssertEqual(diagnostics.map(\.line), [7, 3])
        XCTAssertEqual(diagnostics[0].severity, .error)
        XCTAssertEqual(diagnostics[0].located(in: "dir/a.md"),
                       "dir/a.md:7:5: error: cannot find 'y' in scope\nprint(y)\n      ^")
        let cell = Cell(index: 0, code: "let a = 1\nprint(y)\n", options: CellOptions(), fenceLine: 5, codeLine: 6,
                        range: 0..<1, output: nil)
        XCTAssertEqual(diagnostics[0].located(in: cell), "cell:2:5: error: cannot find 'y' in scope\nprint(y)\n      ^")
        XCTAssertEqual(diagnostics[1].severity, .warning)
        XCTAssertEqual(diagnostics[1].excerpt, ["let z = 1", "    ^"])
        XCTAssertEqual(unlocated, ["error: fatal error encountered during compilation"])
    }

    func testDebugStackTracesAreRemovedFromTrapOutput() {
        let output = """
            before
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
            Current stack trace:
            0    libswiftCore.so                    0x00007f0cd255f130 swift_reportError + 33
            1    prog                               0x000055b8c35c63e1 <unavailable> + 5089

            """
        XCTAssertEqual(Notebook.withoutStackTrace(output),
                       "before\nSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n")
    }
}

final class ExecutorTrapMessageTests: XCTestCase {
    private let cells = [
        Cell(index: 0, code: "func check() {\n    precondition(false, \"no\")\n}\n", options: CellOptions(),
             fenceLine: 3, codeLine: 4, range: 0..<1, output: nil),
        Cell(index: 1, code: "print(1)\ncheck()\n", options: CellOptions(), fenceLine: 9, codeLine: 10, range: 2..<3, output: nil),
    ]

    func testTrapLinesParseWithTheirFileLineAndMessage() throws {
        let trap = try XCTUnwrap(TrapMessage("main/nb.md:14: Precondition failed: too short"))
        XCTAssertEqual(trap.line, 14)
        XCTAssertEqual(trap.message, "Precondition failed: too short")
        XCTAssertTrue(trap.isIn("nb.md"))
        let library = try XCTUnwrap(TrapMessage("Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"))
        XCTAssertFalse(library.isIn("nb.md"))
        XCTAssertNil(TrapMessage("just text: Fatal error"))
    }

    func testNotebookTrapLocationsInOutputsBecomeRelativeToTheirCell() {
        let program = Program(fileName: "nb.md", seed: 1, cells: cells)
        let origin = TrapMessage.Origin(fileName: "nb.md")
        let output = "1\nmain/nb.md:5: Precondition failed: no\n"
        XCTAssertEqual(TrapMessage.relocating(output, in: cells[1], of: program, origin: origin), "1\ncell 1:2: Precondition failed: no\n")
        XCTAssertEqual(TrapMessage.relocating(output, in: cells[0], of: program, origin: origin), "1\ncell:2: Precondition failed: no\n")
    }

    func testALibrarysTrapIsLocatedAtTheNotebookLineThatCalledItAndNeverNamesTheLibrarysFile() {
        let program = Program(fileName: "nb.md", seed: 1, cells: cells)
        let library = "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"
        XCTAssertEqual(TrapMessage.relocating(library, in: cells[1], of: program, origin: .init(fileName: "nb.md", crashLine: 11, trapped: true)),
                       "cell:2: Fatal error: Index out of range\n")
        XCTAssertEqual(TrapMessage.relocating(library, in: cells[1], of: program, origin: .init(fileName: "nb.md", crashLine: 4, trapped: true)),
                       "cell 1:1: Fatal error: Index out of range\n", "a function of an earlier cell")
        XCTAssertEqual(TrapMessage.relocating(library, in: cells[1], of: program, origin: .init(fileName: "nb.md", trapped: true)),
                       "Fatal error: Index out of range\n")
        XCTAssertEqual(TrapMessage.relocating(library, in: cells[1], of: program, origin: .init(fileName: "nb.md")), library,
                       "a cell that did not trap only printed the line")
        let uncaught = "Swift/ErrorType.swift:254: Fatal error: Error raised at top level: E()\n"
        XCTAssertEqual(TrapMessage.relocating(uncaught, in: cells[1], of: program,
                                              origin: .init(fileName: "nb.md", crashLine: 10, thrownLine: 11, trapped: true)),
                       "cell:2: Fatal error: Error raised at top level: E()\n", "an escaped error is where its statement started")
    }

    func testCrashFramesParse() {
        XCTAssertEqual(ControlRecord.parse(Array("cell 0 0\ncrash-frames 4229 4442\ncrash-frames\n".utf8)),
                       [.cell(index: 0, offset: 0), .crashFrames(offsets: [4229, 4442]), .crashFrames(offsets: [])])
    }
}
