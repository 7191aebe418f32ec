import XCTest
import Folio
@testable import FolioSite

final class HTMLTableOfContentsTests: XCTestCase {
    private func heading(_ level: Int, _ text: String) -> PageHeading {
        PageHeading(level: level, text: text, id: text.lowercased())
    }

    func testHeadingsNestByLevel() {
        let html = TableOfContents.html(for: [heading(1, "A"), heading(2, "B"), heading(3, "C"), heading(1, "D")], label: "Contents")
        XCTAssertEqual(html, """
            <nav class="toc" aria-label="Contents">
            <ul>
            <li><a href="#a">A</a>
            <ul>
            <li><a href="#b">B</a>
            <ul>
            <li><a href="#c">C</a></li>
            </ul>
            </li>
            </ul>
            </li>
            <li><a href="#d">D</a></li>
            </ul>
            </nav>
            """)
    }

    func testSkippedLevelsNestOneStepAndShallowerHeadingsStaySiblings() {
        let html = TableOfContents.html(for: [heading(1, "A"), heading(4, "B"), heading(2, "C")], label: "Contents")
        XCTAssertEqual(html, """
            <nav class="toc" aria-label="Contents">
            <ul>
            <li><a href="#a">A</a>
            <ul>
            <li><a href="#b">B</a></li>
            <li><a href="#c">C</a></li>
            </ul>
            </li>
            </ul>
            </nav>
            """)
    }

    func testTextAndIdsAreEscaped() {
        let html = TableOfContents.html(for: [PageHeading(level: 2, text: "a <b> & \"c\"", id: "a-b-c\"")], label: "Contents")
        XCTAssertTrue(html.contains("<a href=\"#a-b-c&quot;\">a &lt;b&gt; &amp; &quot;c&quot;</a>"))
    }

    func testNoHeadingsNoTable() {
        XCTAssertEqual(TableOfContents.html(for: [], label: "Contents"), "")
    }
}
