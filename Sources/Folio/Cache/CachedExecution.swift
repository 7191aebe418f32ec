/// Runs notebooks through a `ResultCache`: a hit returns the stored results moved to the notebook's
/// current layout, a miss executes and stores.
///
/// Only runs in which every cell did what its options expect are stored. A failure may be a
/// timeout on a busy machine rather than a property of the code, and re-running a broken
/// notebook is what its author wants anyway.
public struct CachedExecution: Sendable {
    /// Nil runs every notebook and stores nothing (`--no-cache`).
    public var cache: ResultCache?
    /// Execute even on a hit, and overwrite the entry (`--refresh`).
    public var refresh: Bool
    /// The compiler, runtime and flags the results depend on (see `CacheKey`).
    public var toolchainFingerprint: String
    public var execute: @Sendable (Document) async throws -> [CellResult]

    public init(cache: ResultCache?, refresh: Bool = false, toolchainFingerprint: String,
                execute: @escaping @Sendable (Document) async throws -> [CellResult]) {
        self.cache = cache
        self.refresh = refresh
        self.toolchainFingerprint = toolchainFingerprint
        self.execute = execute
    }

    /// One notebook's results and where they came from.
    public struct Outcome: Sendable {
        public var results: [CellResult]
        public var fromCache: Bool
        /// A corrupt entry found (and replaced, if the run succeeded) on the way; report it.
        public var corruption: CacheCorruption?
        /// Storing the new entry failed (e.g. a read-only cache folder); the results are still good.
        public var storeError: (any Error)?

        /// What to tell the user about the cache, as `file: warning: ...` lines.
        public var warnings: [String] {
            var warnings = corruption.map { [$0.description] } ?? []
            if let storeError { warnings.append("warning: could not store the results in the cache: \(storeError)") }
            return warnings
        }

        /// The messages of the cells that failed, in cell order.
        public var failures: [String] {
            results.compactMap { result in
                if case .failed(let message) = result.status { return message }
                return nil
            }
        }

        /// How a batch counts this notebook.
        public var disposition: NotebookDisposition {
            !failures.isEmpty ? .failed : fromCache ? .cached : .ran
        }
    }

    public func results(for document: Document) async throws -> Outcome {
        guard let cache else {
            return Outcome(results: try await execute(document), fromCache: false)
        }
        let key = CacheKey(for: document, toolchain: toolchainFingerprint)
        var corruption: CacheCorruption?
        if !refresh {
            switch cache.lookup(key) {
            case .hit(let entry):
                if let results = entry.results(for: document.cells, path: document.path) {
                    return Outcome(results: results, fromCache: true)
                }
            case .corrupt(let found):
                corruption = found
            case .miss:
                break
            }
        }
        let results = try await execute(document)
        var outcome = Outcome(results: results, fromCache: false, corruption: corruption)
        let succeeded = results.allSatisfy { result in
            if case .failed = result.status { return false }
            return true
        }
        if succeeded {
            do {
                try cache.store(CacheEntry(key: key, path: document.path, cells: document.cells, results: results))
            } catch {
                outcome.storeError = error
            }
        }
        return outcome
    }
}
