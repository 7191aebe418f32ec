import XCTest
import Folio
@testable import FolioSite

final class HTMLSwiftHighlighterTests: XCTestCase {
    func testTokensAreClassifiedAndTextIsKept() {
        let html = SwiftHighlighter.html(for: "let layer = LSTM(units: 64) // note\nprint(\"<b>\", 1.5)\n")
        XCTAssertTrue(html.contains("<span class=\"tok-keyword\">let</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-label\">units</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-number\">64</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-comment\">// note</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-string\">&quot;&lt;b&gt;&quot;</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-number\">1.5</span>"), html)
        let text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        XCTAssertEqual(text, "let layer = LSTM(units: 64) // note\nprint(&quot;&lt;b&gt;&quot;, 1.5)\n")
    }

    func testCodeThatDoesNotParseIsStillShownWhole() {
        let code = "let x: Int = = }\n"
        let html = SwiftHighlighter.html(for: code)
        let text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        XCTAssertEqual(text, code)
    }
}
