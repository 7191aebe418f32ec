import Folio
import XCTest

/// A hit after a prose edit that moved cells: the messages follow the cells.
final class CacheRelocationTests: XCTestCase {
    private func cell(_ index: Int, _ code: String, codeLine: Int) -> Cell {
        Cell(index: index, code: code, options: CellOptions(), fenceLine: codeLine - 1, codeLine: codeLine,
             range: 0..<1, output: nil)
    }

    private let first = "func f() {\n    fatalError(\"boom\")\n}\n"
    private let second = "f()\n"

    private func entry(path: String, results: [CellResult]) -> CacheEntry {
        let cells = [cell(0, first, codeLine: 5), cell(1, second, codeLine: 12)]
        return CacheEntry(key: CacheKey(cells: cells, seed: 0, toolchain: "t"), path: path, cells: cells, results: results)
    }

    func testLineMentionsMoveWithTheCellTheyPointInto() throws {
        let recorded = entry(path: "Notebooks/a.md", results: [
            CellResult(status: .ok, text: ""),
            CellResult(status: .failed(message: "Notebooks/a.md:6: Fatal error: boom"),
                       text: "Notebooks/a.md:6: Fatal error: boom\nNotebooks/a.md:12:1: note: called here\n"),
        ])
        // Three prose lines added above the first cell, two more between the cells.
        let moved = [cell(0, first, codeLine: 8), cell(1, second, codeLine: 17)]
        let results = try XCTUnwrap(recorded.results(for: moved, path: "Notebooks/a.md"))
        XCTAssertEqual(results[1].status, .failed(message: "Notebooks/a.md:9: Fatal error: boom"))
        XCTAssertEqual(results[1].text, "Notebooks/a.md:9: Fatal error: boom\nNotebooks/a.md:17:1: note: called here\n")
    }

    func testLinesOutsideCellsAndOtherFilesAreLeftAlone() throws {
        let text = "Notebooks/a.md:40: x\nother/Notebooks/a.md:6: y\nSwift/Array.swift:6: z\n"
        let recorded = entry(path: "Notebooks/a.md", results: [CellResult(status: .ok, text: text), CellResult(status: .ok, text: "")])
        let results = try XCTUnwrap(recorded.results(for: [cell(0, first, codeLine: 6), cell(1, second, codeLine: 13)],
                                                     path: "Notebooks/a.md"))
        XCTAssertEqual(results[0].text, text)
    }

    func testPathFollowsARenamedOrDifferentlySpelledNotebook() throws {
        let recorded = entry(path: "./a.md", results: [
            CellResult(status: .ok, text: "./a.md:5:1: warning: unused\n"), CellResult(status: .ok, text: ""),
        ])
        let results = try XCTUnwrap(recorded.results(for: [cell(0, first, codeLine: 5), cell(1, second, codeLine: 12)],
                                                     path: "lessons/b.md"))
        XCTAssertEqual(results[0].text, "lessons/b.md:5:1: warning: unused\n")
    }

    func testDisplayRangesShiftWhenAMentionBeforeThemChangesLength() throws {
        let text = "a.md:6: note\n[[1 2]]\n"
        let display = CellResult.Display(range: 13..<20, html: "<table></table>")
        let recorded = entry(path: "a.md", results: [CellResult(status: .ok, text: text, displays: [display]), CellResult(status: .ok, text: "")])
        // The first cell moves from line 5 to 95: "a.md:6" becomes "a.md:96", one byte longer.
        let results = try XCTUnwrap(recorded.results(for: [cell(0, first, codeLine: 95), cell(1, second, codeLine: 102)], path: "a.md"))
        XCTAssertEqual(results[0].text, "a.md:96: note\n[[1 2]]\n")
        let range = results[0].displays[0].range
        let bytes = Array(results[0].text.utf8)
        XCTAssertEqual(String(decoding: bytes[range], as: UTF8.self), "[[1 2]]")
    }

    func testUnmovedResultsAreReturnedAsRecorded() throws {
        let results = [CellResult(status: .ok, text: "a.md:6\n"), CellResult(status: .ok, text: "2\n")]
        let recorded = entry(path: "a.md", results: results)
        XCTAssertEqual(recorded.results(for: [cell(0, first, codeLine: 5), cell(1, second, codeLine: 12)], path: "a.md"), results)
    }
}

extension CacheRelocationTests {
    func testFileNameMentionsFromTheCompilerAndRuntimeMoveToo() throws {
        let recorded = entry(path: "Notebooks/a.md", results: [
            CellResult(status: .ok, text: "a.md:6:5: error: cannot find 'x' in scope\n"), CellResult(status: .ok, text: ""),
        ])
        let results = try XCTUnwrap(recorded.results(for: [cell(0, first, codeLine: 10), cell(1, second, codeLine: 20)],
                                                     path: "Notebooks/a.md"))
        XCTAssertEqual(results[0].text, "a.md:11:5: error: cannot find 'x' in scope\n")
    }

    func testFenceLineMentionsMoveWithTheirCell() throws {
        let recorded = entry(path: "a.md", results: [CellResult(status: .ok, text: ""), CellResult(status: .ok, text: "a.md:11: note\n")])
        let results = try XCTUnwrap(recorded.results(for: [cell(0, first, codeLine: 5), cell(1, second, codeLine: 14)], path: "a.md"))
        XCTAssertEqual(results[1].text, "a.md:13: note\n")
    }
}
