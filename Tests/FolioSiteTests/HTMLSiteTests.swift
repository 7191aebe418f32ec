import Foundation
import XCTest
import Folio
@testable import FolioSite

final class HTMLSiteTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func notebook(_ name: String, _ markdown: String) throws -> (document: Document, results: [CellResult?]) {
        let path = folder.appendingPathComponent(name).path
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try Document(contentsOf: path)
        return (document, document.storedResults)
    }

    private func site() throws -> Site {
        Site(outputDirectory: folder.appendingPathComponent("site").path, theme: try Theme(), title: "My notes")
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("site").appendingPathComponent(path), encoding: .utf8)
    }

    func testWritesAPagePerNotebookTheIndexTheStylesheetAndLinkedFiles() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data([0x89, 0x50]).write(to: folder.appendingPathComponent("assets/plot.png"))
        try site().write([
            notebook("a.md", "---\ntitle: A\n---\n![plot](assets/plot.png)\n"),
            notebook("b.md", "# B\n\nSee [a](a.md).\n"),
        ])
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("site").path)
            .filter { !$0.hasPrefix("pagefind/") }.sorted()
        XCTAssertEqual(files, ["a.html", "a.ipynb", "a.md", "assets", "assets/plot.png", "b.html", "b.ipynb", "b.md",
                               "folio.js", "index.html", "pagefind", "style.css"])
        XCTAssertEqual(try read("b.md"), "# B\n\nSee [a](a.md).\n")
        XCTAssertTrue(try read("a.html").contains("<img src=\"assets/plot.png\" alt=\"plot\" />"))
        XCTAssertTrue(try read("b.html").contains("<a href=\"a.html\">a</a>"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("site/assets/plot.png")), Data([0x89, 0x50]))
        XCTAssertEqual(try read("style.css"), try Theme().stylesheet)
    }

    func testIndexListsNotebooksInCourseOrderWithTheirDetails() throws {
        try site().write([
            notebook("old.md", "---\ntitle: Old\ndate: '2020-01-01'\ntags: x y\norder: 2\n---\nOld summary.\n"),
            notebook("undated.md", "---\ntitle: Undated\norder: 1\n---\nNo date.\n"),
            notebook("new.md", "---\ntitle: New\ndate: '2022-04-21 23:00:00'\nemoji: 😁\n---\nNew summary.\n"),
        ])
        let index = try read("index.html")
        let order = ["undated.html", "old.html", "new.html"].map { index.range(of: "href=\"\($0)\"")?.lowerBound }
        XCTAssertFalse(order.contains(nil), index)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        XCTAssertTrue(index.contains("<p class=\"summary\">Old summary.</p>"))
        XCTAssertTrue(index.contains("<time>2022-04-21 23:00:00</time>"))
        XCTAssertTrue(index.contains("<li>#x</li><li>#y</li>"))
        XCTAssertTrue(index.contains("<h1>My notes</h1>"))
    }

    func testEveryPageHasTheLessonsInCourseOrderAndPreviousNextLinks() throws {
        try site().write([
            notebook("b.md", "# Bee\n"),
            notebook("a.md", "# Ay\n"),
            notebook("c.md", "---\ntitle: Sea\norder: 0\n---\nFirst by order.\n"),
        ])
        let page = try read("a.html")
        let lessons = ["c.html", "a.html", "b.html"].map { page.range(of: "<li><a href=\"\($0)\"")?.lowerBound }
        XCTAssertFalse(lessons.contains(nil), page)
        XCTAssertEqual(lessons.compactMap { $0 }, lessons.compactMap { $0 }.sorted())
        XCTAssertTrue(page.contains("<li><a href=\"a.html\" aria-current=\"page\">Ay</a></li>"))
        XCTAssertTrue(page.contains("<a class=\"previous\" rel=\"prev\" href=\"c.html\">"))
        XCTAssertTrue(page.contains("<a class=\"next\" rel=\"next\" href=\"b.html\">"))
        XCTAssertFalse(try read("c.html").contains("rel=\"prev\""))
        XCTAssertFalse(try read("b.html").contains("rel=\"next\""))
        XCTAssertTrue(page.contains("<a href=\"a.md\">Markdown source</a>"))
        XCTAssertTrue(page.contains("<a href=\"a.ipynb\" download>"))
        let notebook = try JSONSerialization.jsonObject(with: Data(read("a.ipynb").utf8)) as? [String: Any]
        XCTAssertEqual(notebook?["nbformat"] as? Int, 4)
    }

    func testMathIsTypesetAndKaTeXsFilesCopiedAndBadTeXIsReportedWithTheSiteWritten() throws {
        guard KaTeX.installed() != nil else { throw XCTSkip("KaTeX not installed (scripts/install-deps installs it)") }
        let report = try site().write([notebook("m.md", "# M\n\nGood $x^2$ and\n\nbad $\\frac{a$.\n")])
        let page = try read("m.html")
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"katex/katex.min.css\">"))
        XCTAssertTrue(page.contains("<annotation encoding=\"application/x-tex\">x^2</annotation>"))
        XCTAssertTrue(page.contains("<code class=\"math-error\""))
        XCTAssertEqual(report.problems.map(\.line), [5])
        XCTAssertTrue(report.problems[0].message.contains("KaTeX parse error"), report.problems[0].message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/katex/fonts/KaTeX_Main-Regular.woff2").path))
    }

    func testAFailedRenderLeavesThePreviousSiteIntact() throws {
        try site().write([notebook("a.md", "# First version\n")])
        let before = try read("a.html")
        XCTAssertThrowsError(try site().write([notebook("a.md", "# Second\n\n![gone](gone.png)\n")])) { error in
            XCTAssertEqual((error as? DocumentError)?.line, 3)
        }
        XCTAssertEqual(try read("a.html"), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("folio-") }
        XCTAssertEqual(leftovers, [])
    }

    func testRenderReplacesTheWholePreviousSite() throws {
        try site().write([notebook("a.md", "# A\n")])
        try site().write([notebook("b.md", "# B\n")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/a.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/b.html").path))
    }

    func testAFolderThatIsNotASiteIsNeverReplaced() throws {
        let notes = folder.appendingPathComponent("site/notes.txt")
        try FileManager.default.createDirectory(at: notes.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "keep me".write(to: notes, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try site().write([notebook("a.md", "# A\n")])) { error in
            XCTAssertTrue((error as? DocumentError)?.message.contains("is not a site") ?? false, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: notes, encoding: .utf8), "keep me")
    }

    func testTheNotebooksOwnFolderIsNeverTheSite() throws {
        let notebook = try notebook("a.md", "# A\n")
        let site = Site(outputDirectory: folder.path, theme: try Theme())
        XCTAssertThrowsError(try site.write([notebook])) { error in
            XCTAssertTrue((error as? DocumentError)?.message.contains("holds the notebook") ?? false, "\(error)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.document.path))
    }

    func testTwoNotebooksWithOneNameAreAnError() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let first = try notebook("a.md", "# A\n"), second = try notebook("sub/a.md", "# A again\n")
        XCTAssertThrowsError(try site().write([first, second])) { error in
            XCTAssertEqual((error as? DocumentError)?.path, second.document.path)
            XCTAssertTrue((error as? DocumentError)?.message.contains("renders to a.html") ?? false)
        }
    }

    func testANotebookNamedIndexIsAnError() throws {
        XCTAssertThrowsError(try site().write([notebook("index.md", "# I\n")]))
    }

    func testRenderingTwiceGivesTheSameBytes() throws {
        let notebooks = [try notebook("a.md", "---\ntitle: A\ndate: '2021-01-01'\n---\n# H\n\n```toc\n```\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n")]
        try site().write(notebooks)
        let first = try ["a.html", "index.html"].map(read)
        try site().write(notebooks)
        XCTAssertEqual(try ["a.html", "index.html"].map(read), first)
    }
}
