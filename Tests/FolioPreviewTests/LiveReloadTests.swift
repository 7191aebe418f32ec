@testable import FolioPreview
import XCTest

final class LiveReloadTests: XCTestCase {
    func testScriptGoesBeforeTheLastClosingBodyTag() {
        let page = "<html><body><p>x</p></BODY></html>"
        XCTAssertEqual(LiveReload.injected(into: page), "<html><body><p>x</p>" + LiveReload.script + "</BODY></html>")
    }

    func testPageWithoutBodyTagGetsTheScriptAtTheEnd() {
        XCTAssertEqual(LiveReload.injected(into: "<p>x</p>"), "<p>x</p>" + LiveReload.script)
    }

    func testScriptListensForReloadOnTheEventsPath() {
        XCTAssertTrue(LiveReload.script.contains("new EventSource(\"/__folio/events\")"))
        XCTAssertTrue(LiveReload.script.contains("\"reload\""))
    }
}
