import ArgumentParser
import Folio
import Foundation

/// `folio prune PATH...`: deletes the result-cache entries that no notebook uses any more.
struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete the result-cache entries that the notebooks no longer use.",
        discussion: """
            Keeps, for each notebook at PATHS, the entry of its cells as they are now (the one `folio check` \
            would look up) and deletes every other entry: those of edited cells, of deleted notebooks and of \
            other compilers or runtimes. Name every notebook that shares the cache.
            """)

    @Argument(help: "Notebooks (.md files) or directories searched recursively for them.")
    var paths: [String] = ["Notebooks/"]

    @Option(help: ArgumentHelp("The result cache's folder (default: .folio-cache at the project root).", valueName: "DIR"))
    var cacheDir: String?

    @Flag(help: "Say what would be deleted, and delete nothing.")
    var dryRun = false

    func run() throws {
        let documents = try ExecutionOptions.documents(at: paths)
        let cache = BatchOptions.cache(at: cacheDir)
        let fingerprint: String
        do {
            fingerprint = try ToolchainFingerprint.of(try Toolchain.locate(), memoIn: cache)
        } catch {
            Console.note("\(error)")
            throw ExitCode.badInput
        }
        let keys = Set(documents.map { CacheKey(for: $0, toolchain: fingerprint).digest })
        let pruning = try cache.prune(keeping: keys, dryRun: dryRun)
        print((dryRun ? "would delete " : "deleted ") + pruning.description)
    }
}
