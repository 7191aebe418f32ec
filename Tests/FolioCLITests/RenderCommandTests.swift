import ArgumentParser
import Folio
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

    func testRendersTheSeedNotebookWithStoredOutputs() async throws {
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec"])
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

    func testIndexListsTheNotebooksInCourseOrder() async throws {
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec", "--title", "Folio & friends"])
        let index = try read("index.html")
        let embedding = try XCTUnwrap(index.range(of: "href=\"embedding.html\""))
        let outputs = try XCTUnwrap(index.range(of: "href=\"outputs.html\""))
        XCTAssertLessThan(embedding.lowerBound, outputs.lowerBound)
        XCTAssertTrue(index.contains("<span class=\"post-title\">Outputs &amp; &lt;escaping&gt;</span>"))
        XCTAssertTrue(index.contains("<p class=\"summary\">단어를 표현하기 위해서는 적어도 1차원에서는 안된다 (의미가 담기기엔 작다)</p>"))
        XCTAssertTrue(index.contains("<h1>Folio &amp; friends</h1>"))
    }

    func testOutputsAreEscapedAndCellOptionsApply() async throws {
        try await runRender([try fixtureSite().appendingPathComponent("outputs.md").path,
                       try fixtureSite().appendingPathComponent("embedding.md").path, "--out", out, "--no-exec"])
        let page = try read("outputs.html")
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;from output&#39;)&lt;/script&gt;"))
        XCTAssertTrue(page.contains("a &lt; b &amp;&amp; c &gt; d"))
        XCTAssertTrue(page.contains("<pre>only the output is shown\n</pre>"))
        XCTAssertFalse(page.contains("<pre>this output is hidden"))
        XCTAssertEqual(page.occurrences(of: "<div class=\"output error\">"), 2)
        XCTAssertTrue(page.contains("<a href=\"embedding.html#"))
    }

    func testRenderRunsTheNotebooksAndShowsTensorsAsTablesAndHeatmaps() async throws {
        let notebook = folder.appendingPathComponent("run.md")
        try """
            # Shown tensors

            ```swift
            import Tensors
            print("<b>printed</b>")
            show(Tensor(shape: [2, 2], scalars: [1, -2, 0.5, 4]))
            ```

            ```swift
            show(Tensor(shape: [20, 30], scalars: (0..<600).map { Float($0) - 300 }))
            ```

            ```swift
            Tensor([[3, 57, 35]])
            ```
            """.write(to: notebook, atomically: true, encoding: .utf8)
        try await runRender([notebook.path, "--out", out])
        let page = try read("run.html")
        XCTAssertTrue(page.contains("<pre>&lt;b&gt;printed&lt;/b&gt;\n</pre><div class=\"display\"><table class=\"tensor\">"), page)
        XCTAssertTrue(page.contains("<td>-2.</td>"), "numpy writes the float -2 as -2.")
        XCTAssertTrue(page.contains("><img src=\"data:image/svg+xml;base64,"), "show() draws a matrix as a heatmap figure")
        XCTAssertTrue(page.contains("alt=\"Heatmap of a float32 matrix (20, 30), values from -300 to 299\""), page)
        XCTAssertFalse(page.contains("<svg class=\"heatmap\""), "and not again inline")
        XCTAssertTrue(page.contains("<caption>int32 (1, 3)</caption>"), "the last expression is shown richly too")
        XCTAssertFalse(page.contains("[[ 1.  -2. ]"), "a displayed tensor's text form is replaced")
        XCTAssertEqual(try String(contentsOf: notebook, encoding: .utf8).contains("```output"), false,
                       "render never writes into the notebook")
    }

    func testAFailingCellExitsOneAndKeepsThePreviousSite() async throws {
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec"])
        let notebook = folder.appendingPathComponent("fails.md")
        try "```swift\nlet a: [Int] = []\nprint(a[1])\n```\n".write(to: notebook, atomically: true, encoding: .utf8)
        await assertExitCode(1, [notebook.path, "--out", out])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/embedding.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/fails.html").path))
    }

    func testSafeDropsAuthorsRawHTML() async throws {
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec", "--safe"])
        let page = try read("embedding.html")
        XCTAssertFalse(page.contains("<span style="))
        XCTAssertTrue(page.contains("<h1 id=\"임베딩이란\">"))
    }

    func testTemplateFolderOverridesTheTheme() async throws {
        let theme = folder.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "body { color: red }\n".write(to: theme.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec", "--template", theme.path])
        XCTAssertEqual(try read("style.css"), "body { color: red }\n")
    }

    func testMissingImageFailsWithFileAndLineAndKeepsThePreviousSite() async throws {
        try await runRender([try fixtureSite().path, "--out", out, "--no-exec"])
        let notebook = folder.appendingPathComponent("broken.md")
        try "# Broken\n\ntext\n\n![png](1.png)\n".write(to: notebook, atomically: true, encoding: .utf8)
        let document = try Document(contentsOf: notebook.path)
        XCTAssertThrowsError(try Render.parse([notebook.path, "--out", out]).write([(document, document.storedResults)])) { error in
            XCTAssertEqual("\(error)", "\(notebook.path):5: error: linked file '1.png' not found "
                + "(looked for \(folder.appendingPathComponent("1.png").standardizedFileURL.path))")
        }
        await assertExitCode(2, [notebook.path, "--out", out, "--no-exec"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/embedding.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/broken.html").path))
    }

    func testMissingNotebookPathIsABadInput() async throws {
        await assertExitCode(2, [folder.appendingPathComponent("nope.md").path, "--out", out, "--no-exec"])
    }

    func testBadTeXExitsOneAndThePageShowsItsSource() async throws {
        let notebook = folder.appendingPathComponent("tex.md")
        try "# TeX\n\nFine $x_1$.\n\n$$\n\\frac{a\n$$\n".write(to: notebook, atomically: true, encoding: .utf8)
        await assertExitCode(1, [notebook.path, "--out", out, "--no-exec"])
        let page = try read("tex.html")
        XCTAssertTrue(page.contains("<annotation encoding=\"application/x-tex\">x_1</annotation>"))
        XCTAssertTrue(page.contains("<code class=\"math-error\""))
        XCTAssertTrue(page.contains("$$\n\\frac{a\n$$</code>"))
    }
}

private func assertExitCode(_ code: Int32, _ arguments: [String], line: UInt = #line) async {
    do {
        try await runRender(arguments)
        XCTFail("expected exit code \(code)", line: line)
    } catch {
        XCTAssertEqual((error as? ExitCode)?.rawValue, code, "\(error)", line: line)
    }
}

private extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
