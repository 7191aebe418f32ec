import Ccmark
import Folio
import XCTest

/// Where GitHubMarkdown finds math spans, and that their TeX is the source as written.
final class DocumentMathTests: XCTestCase {
    private func spans(_ markdown: String) -> [MathSpan] {
        let root = GitHubMarkdown.parse(Array(markdown.utf8))
        defer { cmark_node_free(root) }
        var spans: [MathSpan] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let span = GitHubMarkdown.mathSpan(of: cmark_iter_get_node(iterator)) { spans.append(span) }
        }
        return spans
    }

    func testInlineAndDisplaySpansKeepTheirTeXAsWritten() {
        XCTAssertEqual(spans("Gates $h_{t-1} = \\{ x \\}$ and *$a_1 * b_2$*.\n\n$$\na \\\\ b\n$$\n"), [
            MathSpan(tex: "h_{t-1} = \\{ x \\}", isDisplay: false, line: 1),
            MathSpan(tex: "a_1 * b_2", isDisplay: false, line: 1),
            MathSpan(tex: "\na \\\\ b\n", isDisplay: true, line: 3),
        ])
    }

    func testDollarAmountsStayText() {
        XCTAssertEqual(spans("It costs $5 and $10.\n"), [])
        XCTAssertEqual(spans("$5 and $10, then $x$.\n"), [MathSpan(tex: "x", isDisplay: false, line: 1)])
        XCTAssertEqual(spans("$ x$ and $x $ and \\$x$ are text.\n"), [])
    }

    func testGitHubsBacktickFormHoldsItsTeXWithoutTheBackticks() {
        XCTAssertEqual(spans("Root $`\\sqrt{2}`$ and $`a$b`$.\n"), [
            MathSpan(tex: "\\sqrt{2}", isDisplay: false, line: 1),
            MathSpan(tex: "a$b", isDisplay: false, line: 1),
        ])
        // Unclosed, the dollar is text and the backticks a code span.
        XCTAssertEqual(spans("Cost $`x` here.\n"), [])
    }

    func testSpansInTablesHeadingsAndListsKnowTheirLine() {
        let markdown = "# Title $a$\n\n| h |\n|---|\n| $b|c$ |\n| $d$ |\n\n- item\n  $e$\n"
        XCTAssertEqual(spans(markdown).map(\.tex), ["a", "d", "e"])
        XCTAssertEqual(spans(markdown).map(\.line), [1, 6, 9])
    }

    func testCodeSpansAndCodeBlocksHoldNoMath() {
        XCTAssertEqual(spans("`$x$` and\n\n```\n$y$\n```\n"), [])
    }
}
