import Foundation
import XCTest
@testable import FolioCLI

/// Loads the rendered fixture site in headless Chromium and checks the DOM the browser built, then
/// reads the site over HTTP as a reader would (`Fixtures/browser/drive.py`, through chromedriver):
/// GitHub-flavoured Markdown, math, navigation, search, and axe-core's accessibility rules.
///
/// Runs when Chromium is installed (`FOLIO_BROWSER_TESTS=1 scripts/install-deps` installs it, and does
/// on CI); skipped with a message otherwise, but failed when `FOLIO_BROWSER_TESTS=1` or `CI` demand it. Keeps screenshots of
/// the seed page (desktop and phone width), the math and tables page, and search results in
/// `.build/screenshots`, and prints their paths.
final class RenderBrowserTests: XCTestCase {
    /// The fixture site, rendered once for all tests of the class.
    private static var site: URL?

    override class func tearDown() {
        if let site { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        site = nil
        readerObservations = nil
    }

    private func renderedSite() async throws -> URL {
        if let site = Self.site { return site }
        let site = try makeTemporaryFolder().appendingPathComponent("site")
        try await runRender([try fixtureSite().path, "--out", site.path, "--no-exec"])
        Self.site = site
        return site
    }

    private func chromium() throws -> String {
        let candidates = [ProcessInfo.processInfo.environment["FOLIO_CHROMIUM"], "chromium", "chromium-browser", "google-chrome"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for case let name? in candidates {
            if name.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: name) { return name }
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        throw try missing("Chromium")
    }

    /// The error for a missing browser part: a failure where the browser test must run, else a skip.
    private func missing(_ part: String) throws -> Error {
        let environment = ProcessInfo.processInfo.environment
        if environment["FOLIO_BROWSER_TESTS"] == "1" || !["", "0", "false"].contains(environment["CI"] ?? "") {
            return BrowserRequired(part: part)
        }
        throw XCTSkip("\(part) not installed: browser tests skipped (FOLIO_BROWSER_TESTS=1 scripts/install-deps installs it)")
    }

    /// Runs headless Chromium with `arguments` and returns what it printed on stdout.
    private func runChromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try chromium())
        let profile = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--hide-scrollbars", "--user-data-dir=\(profile.path)"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "chromium \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    private func dom(of page: String) async throws -> String {
        try runChromium(["--dump-dom", try await renderedSite().appendingPathComponent(page).absoluteString])
    }

    /// Every value of `attribute` in `html`, in order.
    private func values(of attribute: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: " \(attribute)=\"([^\"]*)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    func testSeedPageDOMHasHeadingsTocHighlightingAndEveryOutput() async throws {
        let dom = try await dom(of: "embedding.html")
        XCTAssertTrue(dom.contains("<h1 class=\"title\">임베딩이란</h1>"), "front matter header")
        for heading in ["<h1 id=\"임베딩이란\">", "<h2 id=\"임베딩-레이어는-컴퓨터가-알아먹는-단어사전이다\">",
                        "<h1 id=\"recurrent-layer\">", "<h1 id=\"recuurent-layer---lstm\">"] {
            XCTAssertTrue(dom.contains(heading), heading)
        }
        let ids = Set(values(of: "id", in: dom))
        let tocLinks = values(of: "href", in: dom).filter { $0.hasPrefix("#") }
        XCTAssertGreaterThanOrEqual(tocLinks.count, 10)
        for link in tocLinks {
            XCTAssertTrue(ids.contains(String(link.dropFirst()).removingPercentEncoding ?? ""), "TOC link \(link) has no anchor")
        }
        XCTAssertGreaterThan(dom.components(separatedBy: "<span class=\"tok-keyword\">").count, 10)
        XCTAssertEqual(dom.components(separatedBy: "<div class=\"output\">").count - 1, 4)
        for line in ["Embedding된 문장: (1, 3, 100)", "RNN 결과 (최종 Step Output): (1, 64)",
                     "LSTM Layer의 Weight 형태: (100, 256)", "Bidirectional RNN 결과 (최종 Step Output): (1, 5, 128)"] {
            XCTAssertTrue(dom.contains(line), line)
        }
        XCTAssertFalse(dom.contains("<script>"))
        XCTAssertTrue(dom.contains("<img src=\"assets/onehot.png\""))
    }

    func testOutputThatLooksLikeScriptStaysText() async throws {
        let dom = try await dom(of: "outputs.html")
        XCTAssertFalse(dom.contains("<script>"))
        XCTAssertTrue(dom.contains("&lt;script&gt;alert('from output')&lt;/script&gt;"))
        XCTAssertEqual(dom.components(separatedBy: "class=\"output error\"").count - 1, 2)
    }

    func testIndexDOMListsNotebooksInCourseOrder() async throws {
        let dom = try await dom(of: "index.html")
        let links = values(of: "href", in: dom).filter { $0.hasSuffix(".html") && $0 != "index.html" }
        XCTAssertEqual(links, ["embedding.html", "math.html", "outputs.html"])
        XCTAssertTrue(dom.contains("<span class=\"post-title\">임베딩이란</span>"))
    }

    /// Under the package's .build, where CI collects artifacts.
    private func screenshotFolder() throws -> URL {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// What `drive.py` saw reading the site over HTTP, once for all tests of the class.
    private static var readerObservations: [String: Any]?

    private func readerObservations() async throws -> [String: Any] {
        if let seen = Self.readerObservations { return seen }
        _ = try chromium()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { throw try missing("chromedriver") }
        let script = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/browser/drive", withExtension: "py"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, try await renderedSite().path, try screenshotFolder().path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let seen = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw DriverFailed(message: String(decoding: errors, as: UTF8.self))
        }
        Self.readerObservations = seen
        return seen
    }

    func testGitHubMarkdownRendersAsOnGitHub() async throws {
        let seen = try await readerObservations()
        let math = try XCTUnwrap(seen["math"] as? [String: Any])
        XCTAssertEqual(math["tableHeaders"] as? [String], ["하이퍼파라미터", "값", "설명"])
        XCTAssertEqual((math["cellAlignments"] as? [String])?.map { $0.replacingOccurrences(of: "-webkit-", with: "") },
                       ["left", "right", "center"])
        XCTAssertEqual(math["checkboxes"] as? [[String: Bool]], [["checked": true, "disabled": true], ["checked": false, "disabled": true]])
        XCTAssertEqual(math["struck"] as? [String], ["word2vec"])
        XCTAssertEqual(math["autolinks"] as? [String], ["https://keras.io"])
        XCTAssertEqual(math["afterFootnote"] as? [String], ["#fn-keras", "Keras 3 문서. ↩"], "the footnote link goes to the note")
        XCTAssertEqual((math["afterBackref"] as? [Any])?.first as? String, "#fnref-keras", "the note links back")
        let alerts = try XCTUnwrap(math["alerts"] as? [[Any]])
        XCTAssertEqual(alerts.map { $0[0] as? String }, ["markdown-alert markdown-alert-note", "markdown-alert markdown-alert-warning"])
        XCTAssertEqual(alerts.map { $0[1] as? String }, ["참고", "경고"], "Korean titles on a Korean page")
        XCTAssertEqual(alerts.map { $0[2] as? Bool }, [true, true], "GitHub's icons")
        XCTAssertEqual(math["lang"] as? String, "ko")
        XCTAssertEqual(math["wordBreak"] as? String, "keep-all")
    }

    func testMathIsTypesetAtBuildTimeWithMathMLAndLocalFonts() async throws {
        let seen = try await readerObservations()
        let math = try XCTUnwrap(seen["math"] as? [String: Any])
        XCTAssertEqual(math["inlineMath"] as? [String], ["\\eta", "c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t"])
        XCTAssertEqual(math["displayMath"] as? [String],
                       ["\nh_t = o_t \\odot \\tanh(c_t), \\quad \\{ x \\mid x > 0 \\}\n", "\\sigma(x) = \\frac{1}{1 + e^{-x}}\n"])
        XCTAssertEqual(math["dollarsKept"] as? Bool, true, "$5 and $10 stay text")
        let fonts = try XCTUnwrap(math["katexFonts"] as? [String])
        XCTAssertTrue(fonts.contains("KaTeX_Main") && fonts.contains("KaTeX_Math"), "KaTeX's fonts loaded: \(fonts)")
        XCTAssertGreaterThan(math["mathWidth"] as? Double ?? 0, 100, "display math laid out by KaTeX's CSS")
        let resources = try XCTUnwrap(math["resources"] as? [String])
        XCTAssertFalse(resources.isEmpty)
        XCTAssertEqual(resources.filter { !$0.hasPrefix("http://127.0.0.1:") }, [], "nothing loads from the network")
        XCTAssertEqual((math["downloads"] as? [[Any]])?.map { $0[1] as? Int }, [200, 200], "the .md and .ipynb download")
    }

    func testSidebarAndPreviousNextLinksResolve() async throws {
        let seen = try await readerObservations()
        let seed = try XCTUnwrap(seen["seed"] as? [String: Any])
        let sidebar = try XCTUnwrap(seed["sidebar"] as? [[Any]])
        XCTAssertEqual(sidebar.map { $0[0] as? String }, ["embedding.html", "math.html", "outputs.html"])
        XCTAssertEqual(sidebar.map { $0[1] as? String }, ["page", nil, nil], "the current lesson is marked")
        XCTAssertEqual((seed["pager"] as? [[String]]), [["next", "math.html"]])
        for key in ["sidebarLinks", "pagerLinks"] {
            let statuses = try XCTUnwrap(seed[key] as? [[Any]]).map { $0[1] as? Int }
            XCTAssertFalse(statuses.isEmpty)
            XCTAssertEqual(statuses, statuses.map { _ in 200 }, key)
        }
        XCTAssertEqual(seed["copyButtons"] as? Int, seed["cells"] as? Int, "every code cell has a copy button")
    }

    func testSearchOverHTTPFindsKoreanAndEnglishAndLinksToSections() async throws {
        let seen = try await readerObservations()
        let search = try XCTUnwrap(seen["search"] as? [String: [[String: Any]]])
        let pages = { (query: String) in (search[query] ?? []).compactMap { $0["page"] as? String } }
        // 임베딩 finds the seed (임베딩을, 임베딩이) and the math page (임베딩은).
        XCTAssertEqual(Set(pages("임베딩")), ["/embedding.html", "/math.html"])
        XCTAssertEqual(pages("LSTM").first, "/embedding.html")
        XCTAssertEqual(pages("Keras"), ["/math.html"])
        let sections = (search["LSTM"] ?? []).flatMap { $0["sections"] as? [String] ?? [] }
        XCTAssertTrue(sections.contains("/embedding.html#recuurent-layer---lstm"), "results link to the section: \(sections)")
    }

    func testSeedAndMathPagesHaveNoSeriousAccessibilityViolations() async throws {
        let seen = try await readerObservations()
        for page in ["seed", "math"] {
            let violations = try XCTUnwrap((seen[page] as? [String: Any])?["axe"] as? [Any])
            XCTAssertEqual(violations.count, 0, "\(page): \(violations)")
        }
    }

    func testScreenshotsOfTheSeedPage() async throws {
        let page = try await renderedSite().appendingPathComponent("embedding.html").absoluteString
        let folder = try screenshotFolder()
        for (name, size) in [("seed-desktop.png", "1280,4200"), ("seed-phone.png", "390,3000")] {
            let file = folder.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: file)
            _ = try runChromium(["--screenshot=\(file.path)", "--window-size=\(size)", page])
            let bytes = try Data(contentsOf: file)
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(name) is a PNG")
            print("Screenshot of the seed page: \(file.path)")
        }
    }

    /// A notebook that draws each kind of figure, run and rendered by the `folio` binary; Chromium must
    /// decode every figure on the page and parse every figure file, in light and dark themes.
    func testFiguresShowInChromium() throws {
        _ = try chromium()
        let folio = try FolioProcess()
        defer { folio.remove() }
        try folio.write("figures.md", """
            ---
            title: 그림
            ---

            # 학습 곡선

            ```swift
            plot(["loss": [0.69, 0.52, 0.41, 0.35, 0.33], "val_loss": [0.7, 0.6, 0.55, 0.56, .nan]],
                 title: "손실", xLabel: "epoch", yLabel: "loss")
            ```

            ```swift
            let words = ["king", "queen", "왕", "여왕", "apple", "<b>bold</b>"]
            scatter(Tensor(shape: [6, 2], scalars: [0.9, 0.8, 0.92, 0.83, 0.88, 0.79, 0.9, 0.85, -0.5, 0.1, 0, 0]),
                    labels: words, title: "단어 벡터 (2-D)")
            ```

            ```swift
            show(Tensor(shape: [8, 2], scalars: (0..<16).map { Float($0) / 8 - 1 }))
            ```

            """)
        let run = try folio.run(["run", "figures.md"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try folio.run(["render", "figures.md", "--out", "site", "--no-exec"]).status, 0)
        let page = try folio.read("site/figures.html")
        let images = page.components(separatedBy: "<figure class=\"figure\"").dropFirst().map {
            "<img" + $0.components(separatedBy: "<img")[1].components(separatedBy: "</figure>")[0]
        }
        XCTAssertEqual(images.count, 3)

        // A page with just the figures, which reports the size each image decoded to.
        try folio.write("site/probe.html", "<!doctype html><body>" + images.joined() + """
            <script>addEventListener("load", () => { const p = document.createElement("p"); p.id = "sizes";
            p.textContent = [...document.images].map(i => i.naturalWidth + "x" + i.naturalHeight).join(" ");
            document.body.append(p); });</script></body>
            """)
        let probe = try runChromium(["--virtual-time-budget=5000", "--dump-dom",
                                     folio.directory.appendingPathComponent("site/probe.html").absoluteString])
        XCTAssertTrue(probe.contains("<p id=\"sizes\">640x400 640x480 "), probe.suffix(300).description)
        XCTAssertFalse(probe.contains(" 0x0"), "an image did not decode")

        let folder = folio.directory.appendingPathComponent("figures.figures")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let dom = try runChromium(["--dump-dom", folder.appendingPathComponent(file).absoluteString])
            XCTAssertTrue(dom.contains("<svg") && dom.contains("<text"), "\(file) did not parse:\n\(dom.prefix(300))")
            XCTAssertFalse(dom.contains("parsererror") || dom.contains("<script"), file)
        }

        let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let url = folio.directory.appendingPathComponent("site/figures.html").absoluteString
        for (name, options) in [("figures-desktop.png", ["--window-size=1280,2600"]), ("figures-phone.png", ["--window-size=390,2000"]),
                                ("figures-dark.png", ["--window-size=1280,2600", "--force-dark-mode", "--blink-settings=preferredColorScheme=0"])] {
            let file = screenshots.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: file)
            _ = try runChromium(["--screenshot=\(file.path)"] + options + [url])
            XCTAssertEqual(Array(try Data(contentsOf: file).prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(name) is a PNG")
            print("Screenshot of the figures page: \(file.path)")
        }
    }
}

/// Chromium or its driver is missing where the browser test must run (CI, or `FOLIO_BROWSER_TESTS=1`).
private struct BrowserRequired: Error, CustomStringConvertible {
    var part: String
    var description: String { "\(part) is required here (FOLIO_BROWSER_TESTS=1 or CI) but not installed: run scripts/install-deps" }
}

/// `drive.py` could not read the site (its error output is the message).
private struct DriverFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { "the browser driver failed: \(message)" }
}
