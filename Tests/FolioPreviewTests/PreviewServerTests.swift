import FolioPreview
import Foundation
import XCTest

/// Drives a real server on an ephemeral loopback port with a real HTTP client.
final class PreviewServerTests: XCTestCase {
    private var root: URL!
    private var notebook: URL!
    private var site: URL!

    /// What the fake rebuild was asked to do.
    private actor Rebuilds {
        private(set) var calls: [[String]] = []
        func record(_ paths: [String]) { calls.append(paths) }
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-preview-\(UUID().uuidString)")
        site = root.appendingPathComponent("site")
        notebook = root.appendingPathComponent("Notebooks/lesson.md")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: notebook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("first draft\n".utf8).write(to: notebook)
        try Self.render(notebook: notebook, into: site)
        try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Stands in for run + render: the page shows the notebook's text.
    private static func render(notebook: URL, into site: URL) throws {
        let text = try String(contentsOf: notebook, encoding: .utf8)
        try Data("<html><body><p>\(text)</p></body></html>\n".utf8).write(to: site.appendingPathComponent("lesson.html"))
    }

    /// Starts the server, hands its port to `body`, then stops it and checks that it stops.
    private func withServer(rebuilds: Rebuilds = Rebuilds(),
                            _ body: (_ host: String, _ port: Int) async throws -> Void) async throws {
        let notebook = notebook!, site = site!
        let configuration = PreviewServer.Configuration(
            siteDirectory: site, watchedPaths: [notebook.deletingLastPathComponent().path], port: 0,
            pollInterval: .milliseconds(50))
        let server = PreviewServer(configuration: configuration) { changed in
            await rebuilds.record(changed)
            try? Self.render(notebook: notebook, into: site)
        }
        let (listening, listener) = AsyncStream.makeStream(of: (String, Int).self)
        let running = Task {
            try await server.run { host, port in listener.yield((host, port)) }
        }
        var addresses = listening.makeAsyncIterator()
        guard let (host, port) = await addresses.next() else { return XCTFail("server never listened") }
        do {
            try await body(host, port)
        } catch {
            running.cancel()
            throw error
        }
        running.cancel()
        _ = await running.result
    }

    func testListensOnLoopbackByDefault() async throws {
        try await withServer { host, port in
            XCTAssertEqual(host, "127.0.0.1")
            XCTAssertGreaterThan(port, 0)
        }
    }

    func testServesPagesWithTheReloadScript() async throws {
        try await withServer { _, port in
            let response = try await LoopbackClient(port: port).get("/lesson.html")
            XCTAssertEqual(response.status, 200)
            XCTAssertTrue(response.head.lowercased().contains("content-type: text/html"), response.head)
            XCTAssertTrue(response.body.contains("<p>first draft\n</p>"), response.body)
            XCTAssertTrue(response.body.contains("new EventSource(\"/__folio/events\")"), response.body)
        }
    }

    func testRefusesPathsOutsideTheSite() async throws {
        try await withServer { _, port in
            let client = LoopbackClient(port: port)
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/lesson.html/../../secret.txt", "/%2e%2e%2fsecret.txt"] {
                let response = try await client.get(target)
                XCTAssertEqual(response.status, 403, target)
                XCTAssertFalse(response.body.contains("secret"), target)
            }
            let missing = try await client.get("/nothing.html")
            XCTAssertEqual(missing.status, 404)
        }
    }

    func testSavingANotebookRebuildsItAndTellsThePageToReload() async throws {
        let rebuilds = Rebuilds()
        try await withServer(rebuilds: rebuilds) { _, port in
            let client = LoopbackClient(port: port)
            let events = try await client.openEventStream("/__folio/events")
            defer { events.close() }
            try await events.waitFor(": folio preview")
            XCTAssertTrue(events.received.lowercased().contains("content-type: text/event-stream"), events.received)

            try Data("second draft, longer\n".utf8).write(to: notebook)
            try await events.waitFor("event: reload")

            let calls = await rebuilds.calls
            XCTAssertEqual(calls, [[notebook.path]])
            let page = try await client.get("/lesson.html")
            XCTAssertTrue(page.body.contains("second draft, longer"), page.body)

            // A second save is a second reload.
            try Data("third\n".utf8).write(to: notebook)
            try await events.waitFor("event: reload", occurrence: 2)
        }
    }
}
