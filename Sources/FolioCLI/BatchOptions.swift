import ArgumentParser
import Folio
import Foundation

/// The options of commands that run many notebooks: parallel jobs, CI shards and the result cache.
struct BatchOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Notebooks to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Run only part K of N of the notebooks, so N CI machines share the work.", valueName: "K/N"),
            transform: { try Shard($0) })
    var shard: Shard = .all

    @Flag(help: "Run every notebook; do not read or write the cache.")
    var noCache = false

    @Flag(help: "Run every notebook and rewrite its cache entry.")
    var refresh = false

    @Option(help: ArgumentHelp("The result cache's folder (default: .folio-cache at the project root).", valueName: "DIR"))
    var cacheDir: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if noCache && refresh { throw ValidationError("--no-cache and --refresh exclude each other") }
    }

    /// How each notebook gets its results: from the cache, or by running it with `executor`.
    func execution(with executor: Executor) -> CachedExecution {
        Self.execution(with: executor, cacheDirectory: noCache ? nil : .some(cacheDir), refresh: refresh)
    }

    /// - Parameter cacheDirectory: nil for no cache; `.some(nil)` for the default folder.
    static func execution(with executor: Executor, cacheDirectory: String??, refresh: Bool = false) -> CachedExecution {
        let uncached = CachedExecution(cache: nil, toolchainFingerprint: "", execute: { try await executor.run($0) })
        guard let cacheDirectory else { return uncached }
        let cache = Self.cache(at: cacheDirectory)
        do {
            let fingerprint = try ToolchainFingerprint.of(executor.toolchain, memoIn: cache) + executor.sandbox.fingerprint
            return CachedExecution(cache: cache, refresh: refresh, toolchainFingerprint: fingerprint,
                                   execute: { try await executor.run($0) })
        } catch {
            Console.note("warning: cannot fingerprint the toolchain (\(error)); running without the cache")
            return uncached
        }
    }

    /// The cache in `directory`, or in the default folder for the working directory.
    static func cache(at directory: String?) -> ResultCache {
        ResultCache(directory: directory.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? ResultCache.defaultDirectory(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }

    /// Runs `body` on this shard's part of `documents`, `jobs` at a time, with progress on stderr
    /// and the summary line at the end; outcomes come back in the order of `documents`.
    func run<Outcome: Sendable>(
        _ documents: [Document],
        body: @escaping @Sendable (Document) async -> (Outcome, NotebookDisposition)
    ) async -> BatchResult<Outcome> {
        let selected = shard.select(documents)
        let byPath = Dictionary(selected.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let progress = ProgressLog(style: isatty(STDERR_FILENO) == 1 ? .live : .lines) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        let batch = await BatchRunner(jobs: jobs).run(selected.map(\.path), progress: progress) { path in
            await body(byPath[path]!)
        }
        Console.note(batch.summary.description + (shard == .all ? "" : " (shard \(shard))"))
        return batch
    }
}
