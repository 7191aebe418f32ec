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
}

/// Chromium is missing where the browser test must run (CI, or `FOLIO_BROWSER_TESTS=1`).
private struct ChromiumRequired: Error, CustomStringConvertible {
    var description: String { "Chromium is required here (FOLIO_BROWSER_TESTS=1 or CI) but not installed: run scripts/install-deps" }
}
