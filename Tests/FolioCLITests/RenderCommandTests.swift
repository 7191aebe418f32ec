import ArgumentParser
import Foundation
import XCTest
@testable import FolioCLI

final class RenderCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("site").appendingPathComponent(path), encoding: .utf8)
    }

    private var out: String { folder.appendingPathComponent("site").path }

    func testRendersTheSeedNotebookWithStoredOutputs() throws {
        try runRender([try fixtureSite().path, "--out", out, "--no-exec"])
        let page = try read("embedding.html")
        XCTAssertTrue(page.contains("<h1 class=\"title\">임베딩이란</h1>"))
        XCTAssertTrue(page.contains("<li>#개츠비</li>"))
        XCTAssertTrue(page.contains("<h1 id=\"임베딩이란\">"))
        XCTAssertTrue(page.contains("<span style='background-color: #fff5b1'>임베딩이란..?</span>"))
        XCTAssertTrue(page.contains("<a href=\"#recuurent-layer---lstm\">Recuurent layer - LSTM</a>"))
        XCTAssertEqual(page.occurrences(of: "<div class=\"cell\""), 4)
        XCTAssertEqual(page.occurrences(of: "<div class=\"output\">"), 4)
        XCTAssertTrue(page.contains("Embedding Layer의 Weight 형태: (64, 100)"))
        XCTAssertTrue(page.contains("Bidirectional RNN 결과 (최종 Step Output): (1, 5, 128)"))
        XCTAssertTrue(page.contains("<span class=\"tok-keyword\">let</span>"))
        XCTAssertTrue(page.contains("<img src=\"assets/onehot.png\" alt=\"원핫 인코딩\" />"))
        XCTAssertFalse(page.contains("language-output"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("site/assets/onehot.png")),
                       try Data(contentsOf: try fixtureSite().appendingPathComponent("assets/onehot.png")))
    }

    func testIndexListsBothNotebooksNewestFirst() throws {
        try runRender([try fixtureSite().path, "--out", out, "--no-exec", "--title", "Folio & friends"])
        let index = try read("index.html")
        let embedding = try XCTUnwrap(index.range(of: "href=\"embedding.html\""))
        let outputs = try XCTUnwrap(index.range(of: "href=\"outputs.html\""))
        XCTAssertLessThan(embedding.lowerBound, outputs.lowerBound)
        XCTAssertTrue(index.contains("<span class=\"post-title\">Outputs &amp; &lt;escaping&gt;</span>"))
        XCTAssertTrue(index.contains("<p class=\"summary\">단어를 표현하기 위해서는 적어도 1차원에서는 안된다 (의미가 담기기엔 작다)</p>"))
        XCTAssertTrue(index.contains("<h1>Folio &amp; friends</h1>"))
    }

    func testOutputsAreEscapedAndCellOptionsApply() throws {
        try runRender([try fixtureSite().appendingPathComponent("outputs.md").path,
                       try fixtureSite().appendingPathComponent("embedding.md").path, "--out", out, "--no-exec"])
        let page = try read("outputs.html")
        XCTAssertFalse(page.contains("<script"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;from output&#39;)&lt;/script&gt;"))
        XCTAssertTrue(page.contains("a &lt; b &amp;&amp; c &gt; d"))
        XCTAssertTrue(page.contains("<pre>only the output is shown\n</pre>"))
        XCTAssertFalse(page.contains("<pre>this output is hidden"))
        XCTAssertEqual(page.occurrences(of: "<div class=\"output error\">"), 2)
        XCTAssertTrue(page.contains("<a href=\"embedding.html#"))
    }

    func testSafeDropsAuthorsRawHTML() throws {
        try runRender([try fixtureSite().path, "--out", out, "--no-exec", "--safe"])
        let page = try read("embedding.html")
        XCTAssertFalse(page.contains("<span style="))
        XCTAssertTrue(page.contains("<h1 id=\"임베딩이란\">"))
    }

    func testTemplateFolderOverridesTheTheme() throws {
        let theme = folder.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "body { color: red }\n".write(to: theme.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        try runRender([try fixtureSite().path, "--out", out, "--no-exec", "--template", theme.path])
        XCTAssertEqual(try read("style.css"), "body { color: red }\n")
    }

    func testMissingImageFailsWithFileAndLineAndKeepsThePreviousSite() throws {
        try runRender([try fixtureSite().path, "--out", out, "--no-exec"])
        let notebook = folder.appendingPathComponent("broken.md")
        try "# Broken\n\ntext\n\n![png](1.png)\n".write(to: notebook, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Render.parse([notebook.path, "--out", out, "--no-exec"]).renderSite()) { error in
            XCTAssertEqual("\(error)", "\(notebook.path):5: error: linked file '1.png' not found "
                + "(looked for \(folder.appendingPathComponent("1.png").standardizedFileURL.path))")
        }
        XCTAssertThrowsError(try runRender([notebook.path, "--out", out, "--no-exec"])) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/embedding.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/broken.html").path))
    }

    func testMissingNotebookPathIsABadInput() throws {
        XCTAssertThrowsError(try runRender([folder.appendingPathComponent("nope.md").path, "--out", out, "--no-exec"])) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        }
    }
}

private extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
