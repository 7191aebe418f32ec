import Foundation
import XCTest
import Folio
@testable import FolioSite

final class HTMLThemeTests: XCTestCase {
    private func page(title: String = "임베딩이란", body: String = "<p>body</p>") throws -> RenderedPage {
        let document = try parse("""
            ---
            emoji: 😁
            title: \(title)
            date: '2022-04-21 23:00:00'
            author: 하성민
            tags: blog gatsby theme 개츠비 테마
            categories: STUDY
            ---
            Text
            """)
        var page = try HTMLRenderer().render(document, results: [])
        page.body = body
        return page
    }

    func testDefaultPageShowsTheFrontMatterAsHeader() throws {
        let html = try Theme().pageHTML(page(), siteTitle: "Site")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ko\">"))
        XCTAssertTrue(html.contains("<h1 class=\"title\">임베딩이란</h1>"))
        XCTAssertTrue(html.contains("<div class=\"emoji\" aria-hidden=\"true\">😁</div>"))
        XCTAssertTrue(html.contains("<time>2022-04-21 23:00:00</time>"))
        XCTAssertTrue(html.contains("<span class=\"author\">하성민</span>"))
        XCTAssertEqual(html.occurrences(of: "<li>#"), 5)
        XCTAssertTrue(html.contains("<li>#개츠비</li>"))
        XCTAssertTrue(html.contains("<ul class=\"categories\"><li>STUDY</li></ul>"))
        XCTAssertTrue(html.contains("<p>body</p>"))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
    }

    func testTitlesAreEscapedButTheBodyIsNot() throws {
        let html = try Theme().pageHTML(page(title: "A <b>bold</b> & more", body: "<p>kept</p>"), siteTitle: "S&S")
        XCTAssertTrue(html.contains("<h1 class=\"title\">A &lt;b&gt;bold&lt;/b&gt; &amp; more</h1>"))
        XCTAssertTrue(html.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; more · S&amp;S</title>"))
        XCTAssertTrue(html.contains("<p>kept</p>"))
    }

    func testAbsentFrontMatterLeavesNoEmptyElements() throws {
        let document = try parse("# Only a heading\n")
        let html = try Theme().pageHTML(HTMLRenderer().render(document, results: []), siteTitle: "S")
        XCTAssertFalse(html.contains("class=\"emoji\""))
        XCTAssertFalse(html.contains("<time>"))
        XCTAssertFalse(html.contains("class=\"tags\""))
        XCTAssertFalse(html.contains("class=\"categories\""))
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
    }

    func testDefaultStylesheetHasDarkModeKoreanFontsAndPhoneLayout() throws {
        let css = try Theme().stylesheet
        XCTAssertTrue(css.contains("@media (prefers-color-scheme: dark)"))
        XCTAssertTrue(css.contains("\"Noto Sans KR\""))
        XCTAssertTrue(css.contains("@media (max-width: 40rem)"))
        XCTAssertTrue(css.contains(".tok-keyword"))
    }

    func testFilesInTheOverrideFolderReplaceTheDefaults() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<main>{{title}}|{{{body}}}</main>".write(to: folder.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let theme = try Theme(overrides: folder.path)
        XCTAssertEqual(theme.pageHTML(try page(), siteTitle: "S"), "<main>임베딩이란|<p>body</p></main>")
        XCTAssertTrue(theme.stylesheet.contains("prefers-color-scheme"), "style.css not overridden keeps the default")
        XCTAssertTrue(theme.indexHTML([], siteTitle: "S").hasPrefix("<!DOCTYPE html>"))
    }

    func testTemplateThatDoesNotParseNamesFileAndLine() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("index.mustache")
        try "<ul>\n{{#pages}}\n<li>{{title}}</li>\n{{/posts}}\n</ul>\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Theme(overrides: folder.path)) { error in
            let error = error as? DocumentError
            XCTAssertEqual(error?.path, file.path)
            XCTAssertEqual(error?.line, 4)
        }
    }

    func testMissingOverrideFolderIsAnError() {
        XCTAssertThrowsError(try Theme(overrides: "/nonexistent/folio-theme")) { error in
            XCTAssertEqual((error as? DocumentError)?.description, "/nonexistent/folio-theme: error: template folder not found")
        }
    }
}
