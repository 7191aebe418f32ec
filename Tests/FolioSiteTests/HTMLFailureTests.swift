import Foundation
import XCTest
import Folio
@testable import FolioSite

/// How a page shows a failed cell: styled as an error, and its error told once.
final class HTMLFailureTests: XCTestCase {
    private func render(_ markdown: String, results: [CellResult?]? = nil) throws -> RenderedPage {
        let document = try parse(markdown, path: "notebook.md")
        return try HTMLRenderer().render(document, results: results ?? document.storedResults)
    }

    func testACompileErrorIsShownOnceAsAnError() throws {
        let page = try render("```swift\nlet t = 1\nt.shapee\n```\n", results: [CellResult(
            status: .failed(message: "notebook.md:3:3: error: value of type 'Int' has no member 'shapee'\nt.shapee\n~ ^~~~~~"),
            text: "cell:2:3: error: value of type 'Int' has no member 'shapee'\nt.shapee\n~ ^~~~~~\n")])
        XCTAssertEqual(page.body.occurrences(of: "has no member"), 1, page.body)
        XCTAssertTrue(page.body.contains("<div class=\"output error\"><pre>cell:2:3: error:"), page.body)
    }

    func testATrapIsShownOnceAsAnError() throws {
        let page = try render("```swift\nprint(1)\nboom()\n```\n", results: [CellResult(
            status: .failed(message: "notebook.md:3: error: Fatal error: boom"), text: "1\ncell:2: Fatal error: boom\n")])
        XCTAssertEqual(page.body.occurrences(of: "Fatal error: boom"), 1, page.body)
        XCTAssertTrue(page.body.contains("<div class=\"output error\">"), page.body)
    }

    func testANameErrorIsShownOnceThoughItsStoredFormNamesTheCellDifferently() throws {
        let page = try render("```swift\nprint(later)\n```\n", results: [CellResult(
            status: .failed(message: "notebook.md:2:7: error: name 'later' is not defined yet: it is declared later, in the cell at line 5"),
            text: "cell:1:7: error: name 'later' is not defined yet: it is declared later, in cell 2\nprint(later)\n      ^\n")])
        XCTAssertEqual(page.body.occurrences(of: "is not defined yet"), 1, page.body)
    }

    func testAFailureTheOutputDoesNotTellIsAdded() throws {
        let page = try render("```swift should-fail\nprint(1)\n```\n", results: [CellResult(
            status: .failed(message: "notebook.md:1: error: expected this `should-fail` cell to trap or throw, but it completed"),
            text: "1\n")])
        XCTAssertTrue(page.body.contains("<pre>1\n</pre><pre class=\"error\">notebook.md:1: error: expected this"), page.body)
    }

    func testStoredFailuresAreStyledAsErrorsWithoutExecution() throws {
        let page = try render("""
            ```swift
            print(1)
            ```

            ```output
            1
            ```

            ```swift
            let t = 1
            t.shapee
            ```

            ```output
            cell:2:3: error: value of type 'Int' has no member 'shapee'
            ```

            ```swift
            work()
            ```

            ```output
            cell:1: Fatal error: Index out of range
            ```

            ```swift
            spin()
            ```

            ```output
            Error: cell timed out after 5 s
            ```

            ```swift
            print("Error: the user's own words")
            ```

            ```output
            Error: the user's own words
            ```
            """)
        XCTAssertEqual(page.body.occurrences(of: "<div class=\"output error\">"), 3, page.body)
        XCTAssertEqual(page.body.occurrences(of: "<div class=\"output\">"), 2, page.body)
        XCTAssertEqual(page.body.occurrences(of: "has no member"), 1)
    }

    func testOnlyCellPlacesCountAsFailures() {
        XCTAssertTrue(CellResult.reportsFailure("cell 2:4: Precondition failed: no\n"))
        XCTAssertFalse(CellResult.reportsFailure("file.swift:2:4: error: printed by the cell\n"))
        XCTAssertFalse(CellResult.reportsFailure("cell:2:4: warning: unused\n"))
    }
}
