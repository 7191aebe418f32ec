import Ccmark
import Folio
import Foundation
import XCTest
@testable import FolioSite

/// A page renders every example of the CommonMark spec, the GitHub-flavoured Markdown spec and
/// cmark-gfm's extension examples exactly as cmark-gfm's own HTML renderer does, apart from what
/// Folio adds: heading anchors and task checkboxes' accessible names (and examples Folio gives other meaning: cells, math, alerts, links
/// to local files it checks).
final class HTMLSpecConformanceTests: XCTestCase {
    /// The spec files, kept once in the notebook library's test fixtures.
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FolioTests/Fixtures")

    func testEveryExampleRendersAsCmarkGFMRendersIt() throws {
        var compared = 0, total = 0
        for name in ["commonmark-spec-0.30", "gfm-spec-0.29", "gfm-extensions"] {
            for (number, example) in try Self.examples(in: name).enumerated() {
                total += 1
                // A title in front matter, so that no heading is taken for the page's title.
                let markdown = "---\ntitle: Example\n---\n" + example
                guard let document = try? Document(path: "/nonexistent/\(name)-\(number + 1).md", bytes: Array(markdown.utf8)),
                      document.cells.isEmpty, HTMLRenderer.formulas(in: document).isEmpty, !example.contains("[!"),
                      !example.contains("```toc"),
                      let page = try? HTMLRenderer().render(document, results: [])
                else { continue }
                let folio = page.body.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
                    .replacingOccurrences(of: " aria-label=\"Task\"", with: "")
                XCTAssertEqual(folio, Self.cmarkGFMHTML(example), "\(name) example \(number + 1):\n\(example)")
                compared += 1
            }
        }
        XCTAssertEqual(total, 652 + 673 + 28)
        XCTAssertGreaterThan(compared, total * 8 / 10, "most examples are compared")
    }

    func testSafeModeDropsTheTagsGitHubFiltersAndAllOtherRawHTML() throws {
        let document = try parse("Text <b>bold</b>\n\n<iframe src=x></iframe>\n", path: "/nonexistent/safe.md")
        let page = try HTMLRenderer(allowsRawHTML: false).render(document, results: [])
        XCTAssertEqual(page.body, "<p>Text bold</p>\n")
    }

    /// cmark-gfm's HTML for `markdown` with GitHub's extensions and footnotes, raw HTML allowed.
    private static func cmarkGFMHTML(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE, nil)!
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func examples(in name: String) throws -> [String] {
        let spec = try String(contentsOf: fixtures.appendingPathComponent(name + ".txt"), encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        var inMarkdown = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(String(repeating: "`", count: 32) + " example") {
                current = []
                inMarkdown = true
            } else if current != nil, inMarkdown, line == "." {
                inMarkdown = false
            } else if current != nil, inMarkdown {
                current!.append(line)
            } else if let lines = current, line == String(repeating: "`", count: 32) {
                examples.append(lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t"))
                current = nil
            }
        }
        return examples
    }
}
