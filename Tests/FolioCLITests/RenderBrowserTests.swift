import Foundation
import XCTest
@testable import FolioCLI

/// Loads the rendered fixture site in headless Chromium and checks the DOM the browser built.
///
/// Runs when Chromium is installed (`FOLIO_BROWSER_TESTS=1 scripts/install-deps` installs it, and does
/// on CI); skipped with a message otherwise, but failed when `FOLIO_BROWSER_TESTS=1` or `CI` demand it. Keeps screenshots of
/// the seed page (desktop and phone width) and prints their paths.
final class RenderBrowserTests: XCTestCase {
    /// The fixture site, rendered once for all tests of the class.
    private static var site: URL?

    override class func tearDown() {
        if let site { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        site = nil
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
        let environment = ProcessInfo.processInfo.environment
        if environment["FOLIO_BROWSER_TESTS"] == "1" || !["", "0", "false"].contains(environment["CI"] ?? "") {
            throw ChromiumRequired()
        }
        throw XCTSkip("Chromium not installed: browser tests skipped (FOLIO_BROWSER_TESTS=1 scripts/install-deps installs it)")
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
        XCTAssertFalse(dom.contains("<script"))
        XCTAssertTrue(dom.contains("<img src=\"assets/onehot.png\""))
    }

    func testOutputThatLooksLikeScriptStaysText() async throws {
        let dom = try await dom(of: "outputs.html")
        XCTAssertFalse(dom.contains("<script"))
        XCTAssertTrue(dom.contains("&lt;script&gt;alert('from output')&lt;/script&gt;"))
        XCTAssertEqual(dom.components(separatedBy: "class=\"output error\"").count - 1, 2)
    }

    func testIndexDOMListsNotebooksNewestFirst() async throws {
        let dom = try await dom(of: "index.html")
        let links = values(of: "href", in: dom).filter { $0.hasSuffix(".html") }
        XCTAssertEqual(links, ["embedding.html", "outputs.html"])
        XCTAssertTrue(dom.contains("<span class=\"post-title\">임베딩이란</span>"))
    }

    func testScreenshotsOfTheSeedPage() async throws {
        let page = try await renderedSite().appendingPathComponent("embedding.html").absoluteString
        // Under the package's .build, where CI collects artifacts.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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

/// Chromium is missing where the browser test must run (CI, or `FOLIO_BROWSER_TESTS=1`).
private struct ChromiumRequired: Error, CustomStringConvertible {
    var description: String { "Chromium is required here (FOLIO_BROWSER_TESTS=1 or CI) but not installed: run scripts/install-deps" }
}
