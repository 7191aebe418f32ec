import Foundation
import XCTest
import Folio
@testable import FolioSite

final class HTMLRendererTests: XCTestCase {
    private func render(_ markdown: String, results: [CellResult?]? = nil,
                        renderer: HTMLRenderer = HTMLRenderer()) throws -> RenderedPage {
        let document = try parse(markdown, path: "notebook.md")
        return try renderer.render(document, results: results ?? document.storedResults)
    }

    func testResultIsSplicedRightUnderItsCellAndStoredOutputIsNotRepeated() throws {
        let page = try render("""
            Before.

            ```swift
            print(1)
            ```

            ```output
            stale
            ```

            After.
            """, results: [CellResult(status: .ok, text: "fresh\n")])
        let code = try XCTUnwrap(page.body.range(of: "<code class=\"language-swift\">"))
        let output = try XCTUnwrap(page.body.range(of: "<div class=\"output\"><pre>fresh\n</pre></div>"))
        let after = try XCTUnwrap(page.body.range(of: "<p>After.</p>"))
        XCTAssertLessThan(code.upperBound, output.lowerBound)
        XCTAssertLessThan(output.upperBound, after.lowerBound)
        XCTAssertFalse(page.body.contains("stale"))
    }

    func testStoredOutputsRenderWithoutExecution() throws {
        let page = try render("```swift\nprint(2)\n```\n\n```output\n2\n```\n")
        XCTAssertTrue(page.body.contains("<div class=\"output\"><pre>2\n</pre></div>"))
        XCTAssertEqual(page.body.occurrences(of: "<pre>2\n</pre>"), 1)
    }

    func testEverythingACellPrintsIsEscaped() throws {
        let page = try render("```swift\nx()\n```\n",
                              results: [CellResult(status: .ok, text: "<script>alert('x')</script> & \"q\"\n")])
        XCTAssertFalse(page.body.contains("<script>"))
        XCTAssertTrue(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
    }

    func testTerminalColoursBecomeSpansAndOtherControlsAreDropped() throws {
        let printed = "\u{1B}[1;31mred\u{1B}[0m \u{1B}]0;title\u{07}bell\u{07}\u{00}\t\u{1B}[2K<end>\u{1B}\n"
        let page = try render("```swift\nx()\n```\n", results: [CellResult(status: .ok, text: printed)])
        XCTAssertTrue(page.body.contains("<pre><span class=\"ansi-red-fg ansi-bold\">red</span> bell\t&lt;end&gt;</pre>"), page.body)
    }

    func testExtendedTerminalColoursAndResetsFollowTheTerminal() {
        XCTAssertEqual("\u{1B}[38;5;196mA\u{1B}[39;48;2;1;2;300mB\u{1B}[mC".terminalHTML,
                       "<span style=\"color: rgb(255, 0, 0)\">A</span><span style=\"background-color: rgb(1, 2, 255)\">B</span>C")
        XCTAssertEqual("\u{1B}[92;4mok\u{1B}[24;1m!\u{1B}[22m.".terminalHTML,
                       "<span class=\"ansi-green-intense-fg ansi-underline\">ok</span><span class=\"ansi-green-intense-fg ansi-bold\">!</span><span class=\"ansi-green-intense-fg\">.</span>")
        XCTAssertEqual("\u{1B}[38;5;244m<b>".terminalHTML, "<span style=\"color: rgb(128, 128, 128)\">&lt;b&gt;</span>")
    }

    func testProgressLinesShowTheirLastStateAsInTheMarkdown() throws {
        let printed = "epoch 1/3\repoch 3/3\r\ndone\n"
        let page = try render("```swift\nx()\n```\n", results: [CellResult(status: .ok, text: printed)])
        XCTAssertTrue(page.body.contains("<pre>epoch 3/3\ndone\n</pre>"), page.body)
        XCTAssertEqual(OutputBlock.normalizedText(printed), "epoch 3/3\ndone\n")
    }

    func testLeadingBlankLineOfAnOutputSurvivesHTMLParsing() throws {
        let page = try render("```swift\nprint()\n```\n", results: [CellResult(status: .ok, text: "\nLSTM\n")])
        XCTAssertTrue(page.body.contains("<pre>\n\nLSTM\n</pre>"))
    }

    func testFailureMessageIsShownEscapedAsAnError() throws {
        let page = try render("```swift\nfatalError()\n```\n",
                              results: [CellResult(status: .failed(message: "notebook.md:2: <trap>"), text: "partial\n")])
        XCTAssertTrue(page.body.contains("<pre>partial\n</pre><pre class=\"error\">notebook.md:2: &lt;trap&gt;</pre>"))
    }

    func testExpectedFailuresAreStyledAsErrors() throws {
        let page = try render("""
            ```swift should-fail
            [1][3]
            ```

            ```output
            Fatal error: Index out of range
            ```

            ```swift compile-fail
            let x: Int = ""
            ```

            ```output
            error: cannot convert
            ```

            ```swift
            print(1)
            ```

            ```output
            1
            ```
            """)
        XCTAssertEqual(page.body.occurrences(of: "<div class=\"output error\">"), 2)
        XCTAssertEqual(page.body.occurrences(of: "<div class=\"output\">"), 1)
    }

    func testHideCodeAndHideOutput() throws {
        let page = try render("""
            ```swift hide-code
            print("shown")
            ```

            ```output
            shown
            ```

            ```swift hide-output
            print("hidden")
            ```

            ```output
            hidden
            ```
            """)
        XCTAssertEqual(page.body.occurrences(of: "<pre class=\"code\">"), 1)
        XCTAssertTrue(page.body.contains("<pre>shown\n</pre>"))
        XCTAssertFalse(page.body.contains("<pre>hidden"))
        XCTAssertTrue(page.body.contains("<span class=\"tok-string\">&quot;hidden&quot;</span>"))
    }

    func testDisplaysReplaceTheTextTheyStandFor() throws {
        let text = "before\n[[1 2]]\nafter\n"
        let start = "before\n".utf8.count
        let display = CellResult.Display(range: start..<(start + "[[1 2]]\n".utf8.count), html: "<table class=\"tensor\"></table>")
        let page = try render("```swift\nshow(t)\n```\n", results: [CellResult(status: .ok, text: text, displays: [display])])
        XCTAssertTrue(page.body.contains(
            "<pre>before\n</pre><div class=\"display\"><table class=\"tensor\"></table></div><pre>after\n</pre>"))
        XCTAssertFalse(page.body.contains("[[1 2]]"))
    }

    func testCellsWithoutResultsShowOnlyCode() throws {
        let page = try render("```swift ignore\nlet a = 1\n```\n", results: [nil])
        XCTAssertTrue(page.body.contains("<pre class=\"code\">"))
        XCTAssertFalse(page.body.contains("class=\"output"))
    }

    func testRawHTMLPassesThroughByDefault() throws {
        let page = try render("Intro.\n\n# <span style='color: red'>Title</span>\n\n<div class=\"note\">raw</div>\n")
        XCTAssertTrue(page.body.contains("<span style='color: red'>Title</span>"))
        XCTAssertTrue(page.body.contains("<div class=\"note\">raw</div>"))
    }

    func testSafeModeDropsRawHTMLAndScriptLinksButKeepsFolioHTML() throws {
        let page = try render("""
            Intro.

            # <span style='color: red'>Title</span>

            <script>alert(1)</script>

            Text <b>bold</b> and [a link](javascript:alert(1)).

            ```swift
            print(1)
            ```

            ```output
            1
            ```
            """, renderer: HTMLRenderer(allowsRawHTML: false))
        XCTAssertFalse(page.body.contains("<span style"))
        XCTAssertFalse(page.body.contains("<script"))
        XCTAssertFalse(page.body.contains("<b>"))
        XCTAssertFalse(page.body.contains("javascript:"))
        XCTAssertFalse(page.body.contains("raw HTML omitted"))
        XCTAssertTrue(page.body.contains("<h1 id=\"title\">"))
        XCTAssertTrue(page.body.contains("<div class=\"output\"><pre>1\n</pre></div>"))
    }

    func testHeadingsGetGitHubStyleAnchorIds() throws {
        let page = try render("""
            ---
            title: Embeddings
            ---
            # <span style='x'>임베딩이란..?</span>
            ## Recuurent layer - LSTM
            ## `code` & *Emphasis*!
            ## Repeat
            ## Repeat
            """)
        XCTAssertEqual(page.headings.map(\.id),
                       ["임베딩이란", "recuurent-layer---lstm", "code--emphasis", "repeat", "repeat-1"])
        XCTAssertEqual(page.headings.map(\.level), [1, 2, 2, 2, 2])
        XCTAssertEqual(page.headings[0].text, "임베딩이란..?")
        for heading in page.headings {
            XCTAssertTrue(page.body.contains("<h\(heading.level) id=\"\(heading.id)\">"), heading.id)
        }
    }

    func testTocBlockBecomesLinksToEveryHeading() throws {
        let page = try render("""
            ```toc
            ```

            # One
            ## Two
            # Three
            """)
        XCTAssertFalse(page.body.contains("language-toc"))
        XCTAssertTrue(page.body.contains("<nav class=\"toc\""))
        for id in ["one", "two", "three"] {
            XCTAssertTrue(page.body.contains("<a href=\"#\(id)\">"), id)
        }
        let toc = try XCTUnwrap(page.body.range(of: "<nav class=\"toc\""))
        let firstHeading = try XCTUnwrap(page.body.range(of: "<h1 id=\"one\">"))
        XCTAssertLessThan(toc.lowerBound, firstHeading.lowerBound)
    }

    func testMarkdownWithoutFolioBlocksRendersAsCommonMark() throws {
        let markdown = """
            Some *emphasis*, `code`, [link](https://example.com "t") and a list:

            - one
            - two

            > quote

            ```python
            print("x" < "y")
            ```
            """
        let page = try render(markdown)
        XCTAssertEqual(page.body, """
            <p>Some <em>emphasis</em>, <code>code</code>, <a href="https://example.com" title="t">link</a> and a list:</p>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <blockquote>
            <p>quote</p>
            </blockquote>
            <pre><code class="language-python">print(&quot;x&quot; &lt; &quot;y&quot;)
            </code></pre>

            """)
    }

    func testFrontMatterTitleElseFirstHeadingElseFileName() throws {
        XCTAssertEqual(try render("---\ntitle: From front\n---\n# Heading\n").title, "From front")
        XCTAssertEqual(try render("Intro\n\n# Heading\n").title, "Heading")
        XCTAssertEqual(try render("Just text\n").title, "notebook")
    }

    func testSummaryIsTheFirstParagraphOnOneLine() throws {
        let page = try render("# Title\n\nFirst **para**\ngraph.\n\nSecond.\n")
        XCTAssertEqual(page.summary, "First para graph.")
        let long = try render(String(repeating: "word ", count: 100))
        XCTAssertEqual(long.summary.count, 160)
        XCTAssertTrue(long.summary.hasSuffix("…"))
    }

    func testLinkLineNumbersCountTheFrontMatterLines() throws {
        let error = try XCTUnwrap(expectError {
            try self.render("---\ntitle: t\n---\n\ntext\n\n![a](missing.png)\n")
        })
        XCTAssertEqual(error.line, 7)
    }

    func testMissingLinkedFileIsAnErrorNamingFileAndLine() throws {
        let error = try XCTUnwrap(expectError {
            try self.render("Text\n\n![figure](figures/missing.png)\n")
        })
        XCTAssertEqual(error.path, "notebook.md")
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.description.hasPrefix("notebook.md:3: error: linked file 'figures/missing.png' not found"),
                      error.description)
    }

    func testLinkedFilesAreListedForCopyingWithTheirLinks() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: folder.appendingPathComponent("assets/fig 1.png"))
        let path = folder.appendingPathComponent("post.md").path
        let document = try parse("![fig](./assets/fig%201.png) [data](assets/../assets/fig%201.png#top) [web](https://x.org/a.png) [here](#top)\n",
                                        path: path)
        let page = try HTMLRenderer().render(document, results: [])
        XCTAssertEqual(page.files.map(\.sitePath), ["assets/fig 1.png", "assets/fig 1.png"])
        XCTAssertEqual(page.files.first?.source, folder.appendingPathComponent("assets/fig 1.png").standardizedFileURL.path)
        XCTAssertTrue(page.body.contains("<img src=\"assets/fig%201.png\" alt=\"fig\" />"))
        XCTAssertTrue(page.body.contains("<a href=\"assets/fig%201.png#top\">"))
        XCTAssertTrue(page.body.contains("<a href=\"https://x.org/a.png\">"))
    }

    func testLinkClimbingOutOfTheNotebookFolderIsAnError() throws {
        let error = try XCTUnwrap(expectError { try self.render("![x](../outside.png)\n") })
        XCTAssertEqual(error.line, 1)
        XCTAssertTrue(error.message.contains("outside the notebook's folder"))
    }

    func testLinksToOtherNotebooksPointAtTheirPages() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.md").path
        let document = try parse("See [other](other.md#part).\n", path: folder.appendingPathComponent("post.md").path)
        let page = try HTMLRenderer().render(document, results: [], notebookPages: [other: "other.html"])
        XCTAssertTrue(page.body.contains("<a href=\"other.html#part\">other</a>"))
        XCTAssertTrue(page.files.isEmpty)
    }

    func testRenderingTheSameInputGivesTheSameBytes() throws {
        let markdown = "# A\n\n```toc\n```\n\n## B\n\n```swift\nlet x = 1\nprint(x)\n```\n\n```output\n1\n```\n"
        XCTAssertEqual(try render(markdown).body, try render(markdown).body)
    }

    private func expectError(_ body: () throws -> Any) -> DocumentError? {
        do {
            _ = try body()
            XCTFail("expected a DocumentError")
            return nil
        } catch {
            guard let error = error as? DocumentError else {
                XCTFail("expected a DocumentError, got \(error)")
                return nil
            }
            return error
        }
    }
}
