import ArgumentParser
import Folio
import FolioSite
import FolioPreview
import Foundation

/// `folio preview [PATH]`: serves the rendered notebooks and re-runs, re-renders and reloads the
/// page of each notebook the author saves.
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the rendered notebooks locally and reload pages as notebooks are saved.",
        discussion: """
            Saved notebooks are re-run (through the result cache, so a prose edit is instant) and \
            re-rendered; open pages reload by themselves. Outputs are shown, not written into the \
            files: use `folio run` for that. Listens on 127.0.0.1 unless --host says otherwise.
            """)

    @Argument(help: "A notebook or a folder of notebooks.")
    var path: String = "Notebooks"

    @Option(help: "The address to listen on; another than 127.0.0.1 exposes your notebooks to the network.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(help: ArgumentHelp("Where to write the site (default: a temporary folder).", valueName: "DIR"))
    var out: String?

    @Option(parsing: .unconditional, help: "Seconds a notebook may run before it is stopped.")
    var timeout: Double = Executor.defaultNotebookTimeout

    @Option(help: "The site's title.")
    var title = "Notebooks"

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let executor = try sandbox.executor(timeout: timeout)
        let siteDirectory: String
        if let out {
            siteDirectory = out
        } else {
            // Named for Leftovers' sweep of a killed folio's folders; removed on exit and on Ctrl-C.
            siteDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-preview-\(getpid())").path
            Leftovers.track(directory: siteDirectory)
        }
        defer {
            if out == nil { Leftovers.remove(directory: siteDirectory) }
        }
        let site = PreviewSite(
            site: Site(outputDirectory: siteDirectory, theme: try Theme(), title: title),
            execution: BatchOptions.execution(with: executor, cacheDirectory: .some(nil)))
        do {
            try await site.rebuild(NotebookPaths.expand([path]))
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
        let server = PreviewServer(
            configuration: .init(siteDirectory: URL(fileURLWithPath: siteDirectory), watchedPaths: [path], host: host, port: port),
            rebuild: { changed in
                do {
                    try await site.rebuild(changed)
                } catch {
                    Console.note(String(describing: error))
                }
            })
        try await server.run { host, port in
            Console.output("Serving \(path) at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C to stop)")
        }
    }
}

/// The notebooks being previewed and their latest results; renders the whole site on every change
/// (rendering is fast; only the changed notebooks are run).
private actor PreviewSite {
    private let site: Site
    private let execution: CachedExecution
    private var notebooks: [String: (document: Document, results: [CellResult?])] = [:]

    init(site: Site, execution: CachedExecution) {
        self.site = site
        self.execution = execution
    }

    /// Re-reads and re-runs `paths`, then writes the site. A notebook that no longer parses keeps
    /// its last good page; the error is thrown after the rest is rendered.
    func rebuild(_ paths: [String]) async throws(DocumentError) {
        var firstError: DocumentError?
        for path in paths {
            do {
                // A save while the notebook runs leaves results for code that is gone: run it again, as
                // `folio run` would ask; a notebook that keeps changing its own code gets a few tries.
                for attempt in 1...Self.runAttempts {
                    if try await refresh(path) { break }
                    Console.note("\(path): changed while running; " + (attempt < Self.runAttempts ? "running it again" : "giving up"))
                }
            } catch {
                firstError = firstError ?? error
            }
        }
        let report = try site.write(notebooks.keys.sorted().map { notebooks[$0]! })
        report.notes.forEach(Console.note)
        report.problems.forEach { Console.note($0.description) }
        if let firstError { throw firstError }
    }

    private static let runAttempts = 3

    /// Re-reads and re-runs the notebook at `path`; false, keeping its last page, when its cells
    /// changed while it ran. Its page shows the file as it is when the run ends, as `folio run` writes it.
    private func refresh(_ path: String) async throws(DocumentError) -> Bool {
        let document = try Document(contentsOf: path)
        Console.note("running \(path)")
        do {
            let outcome = try await execution.results(for: document)
            outcome.warnings.forEach(Console.note)
            for case .failed(let message) in outcome.results.map(\.status) { Console.note(message) }
            guard let current = try? document.reloaded() else { return false }
            notebooks[path] = (current, outcome.results.map { $0.status == .notRun ? nil : $0 })
        } catch {
            Console.note(String(describing: error))
            notebooks[path] = (document, document.storedResults)
        }
        return true
    }
}
