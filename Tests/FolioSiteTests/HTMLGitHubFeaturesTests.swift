import Foundation
import XCTest
import Folio
@testable import FolioSite

/// What Folio adds to GitHub-flavoured Markdown on a page: alerts, math, the title shown once,
/// the page's language.
final class HTMLGitHubFeaturesTests: XCTestCase {
    private func render(_ markdown: String, math: TypesetMath = TypesetMath()) throws -> RenderedPage {
        try HTMLRenderer().render(try parse(markdown, path: "/nonexistent/notebook.md"), results: [], math: math)
    }

    func testAlertsBecomeCalloutsWithGitHubsClassesTitlesAndIcons() throws {
        let page = try render("> [!NOTE]\n> Read *this*.\n\n> [!caution]\n> Hot.\n\n> [!NOTE]\n\n> [!UNKNOWN]\n> Plain.\n")
        XCTAssertTrue(page.body.contains("<div class=\"markdown-alert markdown-alert-note\"><p class=\"markdown-alert-title\"><svg class=\"octicon octicon-info\""))
        XCTAssertTrue(page.body.contains("</svg>Note</p>\n<p>Read <em>this</em>.</p>\n</div>"))
        XCTAssertTrue(page.body.contains("markdown-alert-caution"))
        XCTAssertTrue(page.body.contains("</svg>Caution</p>"))
        XCTAssertEqual(page.body.occurrences(of: "<blockquote>"), 2, "a bare marker and an unknown kind stay quotes")
        XCTAssertFalse(page.body.contains("[!caution]"))
    }

    func testAlertTitlesAreKoreanOnAKoreanPage() throws {
        let page = try render("> [!TIP]\n> 임베딩 레이어는 단어사전이다.\n")
        XCTAssertEqual(page.language, "ko")
        XCTAssertTrue(page.body.contains("</svg>팁</p>"))
    }

    func testLanguageComesFromFrontMatterElseFromMostOfTheProse() throws {
        XCTAssertEqual(try render("---\nlang: ja\n---\nText.\n").language, "ja")
        XCTAssertEqual(try render("임베딩 레이어는 단어를 Embedding 벡터로 바꾼다.\n").language, "ko")
        XCTAssertEqual(try render("An Embedding layer maps ids to vectors (임베딩).\n").language, "en")
    }

    func testTypesetFormulasReplaceTheirSourceInTextTablesAndMathBlocks() throws {
        let math = TypesetMath([
            MathFormula(tex: "x_1", isDisplay: false): .success("<span class=\"katex\">X1</span>"),
            MathFormula(tex: "a \\\\ b", isDisplay: true): .success("<span class=\"katex-display\">AB</span>"),
            MathFormula(tex: "\\frac{1}{2}\n", isDisplay: true): .success("<span class=\"katex-display\">HALF</span>"),
        ])
        let page = try render("Text $x_1$ here.\n\n| h |\n|---|\n| $x_1$ |\n\n$$a \\\\ b$$\n\n```math\n\\frac{1}{2}\n```\n", math: math)
        XCTAssertEqual(page.body.occurrences(of: "<span class=\"math math-inline\"><span class=\"katex\">X1</span></span>"), 2)
        XCTAssertTrue(page.body.contains("<p><span class=\"math math-display\"><span class=\"katex-display\">AB</span></span></p>"), page.body)
        XCTAssertTrue(page.body.contains("<div class=\"math-block\"><span class=\"math math-display\"><span class=\"katex-display\">HALF</span></span></div>"))
        XCTAssertEqual(page.problems.count, 0)
    }

    func testFormulaKaTeXRejectsShowsItsSourceAndIsAProblemAtItsLine() throws {
        let math = TypesetMath([MathFormula(tex: "\\frac{a", isDisplay: false): .failure(MathError(message: "KaTeX parse error: Expected '}'"))])
        let page = try render("Intro.\n\nBad $\\frac{a$ <here>.\n", math: math)
        XCTAssertTrue(page.body.contains("<code class=\"math-error\" title=\"KaTeX parse error: Expected &#39;}&#39;\">$\\frac{a$</code>"))
        XCTAssertEqual(page.problems.map(\.description), ["/nonexistent/notebook.md:3: error: math does not typeset: KaTeX parse error: Expected '}'"])
    }

    func testAFirstHeadingThatRepeatsTheTitleIsShownOnceAndLeftOutOfTheContents() throws {
        let page = try render("---\ntitle: Embeddings\n---\n# Embeddings\n\n```toc\n```\n\n## Layers\n")
        XCTAssertEqual(page.titleID, "embeddings")
        XCTAssertFalse(page.body.contains("<h1"))
        XCTAssertEqual(page.headings.map(\.text), ["Layers"])
        let other = try render("---\ntitle: Embeddings\n---\n# Something else\n")
        XCTAssertNil(other.titleID)
        XCTAssertTrue(other.body.contains("<h1 id=\"something-else\">Something else</h1>"))
    }

    func testKaTeXTypesetsOnceForTheSiteAndNamesKaTeXsMessage() throws {
        guard let katex = KaTeX.installed() else { throw XCTSkip("KaTeX not installed (scripts/install-deps installs it)") }
        let good = MathFormula(tex: "h_{t-1}", isDisplay: false), bad = MathFormula(tex: "\\frac{a", isDisplay: true)
        let typeset = try katex.typeset([good, bad])
        let html = try XCTUnwrap(try? typeset[good]?.get())
        XCTAssertTrue(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"), "MathML for screen readers")
        XCTAssertTrue(html.contains("<annotation encoding=\"application/x-tex\">h_{t-1}</annotation>"))
        guard case .failure(let error)? = typeset[bad] else { return XCTFail("bad TeX typeset") }
        XCTAssertTrue(error.message.hasPrefix("KaTeX parse error:"), error.message)
        XCTAssertTrue(katex.assets().contains { $0.sitePath == "katex/fonts/KaTeX_Main-Regular.woff2" })
    }
}
