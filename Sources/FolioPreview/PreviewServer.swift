import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `folio preview`: serves a rendered site over HTTP, watches the notebooks, rebuilds what an author
/// saves, and makes open pages reload themselves (server-sent events on `/__folio/events`).
///
/// It listens on 127.0.0.1 unless given another host. Only files inside the site folder are served
/// (see `SitePath`). Executing and rendering are the `rebuild` closure's job, so the server knows
/// nothing of how a site is made.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        /// The rendered site to serve.
        public var siteDirectory: URL
        /// Notebook files and folders to watch.
        public var watchedPaths: [String]
        public var host: String
        /// 0 picks a free port; `run` reports the one it got.
        public var port: Int
        public var pollInterval: Duration

        public init(siteDirectory: URL, watchedPaths: [String], host: String = "127.0.0.1", port: Int = 8000,
                    pollInterval: Duration = .milliseconds(300)) {
            self.siteDirectory = siteDirectory
            self.watchedPaths = watchedPaths
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    public let configuration: Configuration
    /// Re-runs and re-renders the given notebooks into the site folder; open pages reload after it returns.
    public let rebuild: @Sendable (_ changedNotebooks: [String]) async -> Void

    public init(configuration: Configuration, rebuild: @escaping @Sendable (_ changedNotebooks: [String]) async -> Void) {
        self.configuration = configuration
        self.rebuild = rebuild
    }

    /// Serves until SIGINT/SIGTERM (graceful) or until the calling task is cancelled.
    /// - Parameter onListening: called once with the address and port the server is bound to.
    public func run(onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }) async throws {
        var logger = Logger(label: "folio.preview")
        logger.logLevel = .warning
        let broadcaster = ReloadBroadcaster()
        let app = Application(
            router: router(broadcaster: broadcaster),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "folio-preview"),
            onServerRunning: { channel in
                await onListening(channel.localAddress?.ipAddress ?? "?", channel.localAddress?.port ?? 0)
            },
            logger: logger)
        let watch = WatchService(watcher: NotebookWatcher(paths: configuration.watchedPaths),
                                 interval: configuration.pollInterval, rebuild: rebuild, broadcaster: broadcaster)
        // Services stop in reverse order: the watcher first, which closes the event streams, so the
        // server's graceful shutdown does not wait on connections that never end.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app, watch], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private func router(broadcaster: ReloadBroadcaster) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ in
            Self.eventStream(await broadcaster.subscribe())
        }
        let site = configuration.siteDirectory
        router.get("/") { request, _ in Self.file(at: request.uri.path, site: site) }
        router.get("**") { request, _ in Self.file(at: request.uri.path, site: site) }
        return router
    }

    /// `text/event-stream`: a comment at once (so clients know the stream is open), then a
    /// `reload` event per rebuild.
    private static func eventStream(_ rebuilds: AsyncStream<Int>) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": folio preview\n\n"))
                for await generation in rebuilds {
                    try await writer.write(ByteBuffer(string: "id: \(generation)\nevent: reload\ndata: reload\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    private static func file(at requestPath: String, site: URL) -> Response {
        let path: SitePath
        do {
            path = try SitePath(requestPath: requestPath, site: site)
        } catch .outsideSite {
            return Response(status: .forbidden, body: ResponseBody(byteBuffer: ByteBuffer(string: "403 outside the site\n")))
        } catch {
            return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "404 not found\n")))
        }
        guard let data = FileManager.default.contents(atPath: path.file.path) else {
            return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "404 not found\n")))
        }
        let fileExtension = path.file.pathExtension
        let body: ByteBuffer
        if fileExtension.lowercased() == "html" {
            body = ByteBuffer(string: LiveReload.injected(into: String(decoding: data, as: UTF8.self)))
        } else {
            body = ByteBuffer(bytes: data)
        }
        let mediaType = MediaType.getMediaType(forExtension: fileExtension) ?? .applicationBinary
        return Response(
            status: .ok,
            headers: [.contentType: mediaType.description, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: body))
    }
}

/// Polls the notebooks, rebuilds the changed ones, then tells the pages to reload.
private struct WatchService: Service {
    let watcher: NotebookWatcher
    let interval: Duration
    let rebuild: @Sendable ([String]) async -> Void
    let broadcaster: ReloadBroadcaster

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await poll() }
        } catch is CancellationError {
            // Shutting down.
        }
        await broadcaster.finish()
    }

    /// Loops until cancelled.
    private func poll() async throws {
        var known = watcher.snapshot()
        while true {
            try await Task.sleep(for: interval)
            let changed = NotebookWatcher.changes(from: known, to: watcher.snapshot())
            guard !changed.isEmpty else { continue }
            await rebuild(changed)
            // Taken after the rebuild, so outputs the rebuild wrote into the notebooks
            // do not count as the author's next save.
            known = watcher.snapshot()
            await broadcaster.notify()
        }
    }
}
