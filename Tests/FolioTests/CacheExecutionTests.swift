import Folio
import XCTest

/// The cache as `folio run`/`check` use it: parse, look up, execute on a miss, store.
final class CacheExecutionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cached-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A stand-in executor: each cell "prints" its code, and a cell containing `boom` fails with
    /// its location. Counts its runs.
    private final class FakeExecutor: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var runs: Int { lock.withLock { count } }

        func run(_ document: Document) -> [CellResult] {
            lock.withLock { count += 1 }
            return document.cells.map { cell in
                if cell.options.ignore { return CellResult(status: .notRun, text: "") }
                if cell.code.contains("boom") {
                    return CellResult(status: .failed(message: "\(document.path):\(cell.codeLine): Fatal error: boom"), text: "")
                }
                let located = "\(document.path):\(cell.codeLine): ran\n"
                return CellResult(status: .ok, text: located)
            }
        }
    }

    private let original = """
        ---
        seed: 3
        ---
        # Lesson

        ```swift
        let a = 1
        ```

        Prose.

        ```swift
        print(a)
        ```

        """

    private func execution(_ executor: FakeExecutor, cache: Bool = true, refresh: Bool = false) -> CachedExecution {
        CachedExecution(cache: cache ? ResultCache(directory: directory) : nil, refresh: refresh,
                        toolchainFingerprint: "swift-6.3.1") { executor.run($0) }
    }

    private func document(_ text: String, path: String = "lesson.md") throws -> Document {
        try Document(path: path, bytes: Array(text.utf8))
    }

    func testProseOnlyEditIsACacheHitWithLocationsMoved() async throws {
        let executor = FakeExecutor()
        let first = try await execution(executor).results(for: try document(original))
        XCTAssertFalse(first.fromCache)
        XCTAssertEqual(first.results[1].text, "lesson.md:13: ran\n")

        let edited = original.replacingOccurrences(of: "Prose.", with: "Longer prose,\nover three\nlines.")
            .replacingOccurrences(of: "# Lesson", with: "# A lesson retitled")
        let second = try await execution(executor).results(for: try document(edited))
        XCTAssertTrue(second.fromCache)
        XCTAssertEqual(executor.runs, 1)
        XCTAssertEqual(second.results, executor.run(try document(edited)), "a hit equals a fresh run")
    }

    func testCellEditIsAMiss() async throws {
        let executor = FakeExecutor()
        _ = try await execution(executor).results(for: try document(original))
        let edited = original.replacingOccurrences(of: "print(a)", with: "print(a + 1)")
        let second = try await execution(executor).results(for: try document(edited))
        XCTAssertFalse(second.fromCache)
        XCTAssertEqual(executor.runs, 2)
    }

    func testSeedEditIsAMiss() async throws {
        let executor = FakeExecutor()
        _ = try await execution(executor).results(for: try document(original))
        let second = try await execution(executor).results(for: try document(original.replacingOccurrences(of: "seed: 3", with: "seed: 4")))
        XCTAssertFalse(second.fromCache)
    }

    func testNoCacheAlwaysExecutesAndStoresNothing() async throws {
        let executor = FakeExecutor()
        _ = try await execution(executor, cache: false).results(for: try document(original))
        let second = try await execution(executor, cache: false).results(for: try document(original))
        XCTAssertFalse(second.fromCache)
        XCTAssertEqual(executor.runs, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path))
    }

    func testRefreshExecutesAndTheNextRunHits() async throws {
        let executor = FakeExecutor()
        _ = try await execution(executor).results(for: try document(original))
        let refreshed = try await execution(executor, refresh: true).results(for: try document(original))
        XCTAssertFalse(refreshed.fromCache)
        let after = try await execution(executor).results(for: try document(original))
        XCTAssertTrue(after.fromCache)
        XCTAssertEqual(executor.runs, 2)
    }

    func testFailedRunsAreNotStored() async throws {
        let executor = FakeExecutor()
        let broken = original.replacingOccurrences(of: "print(a)", with: "boom()")
        _ = try await execution(executor).results(for: try document(broken))
        let second = try await execution(executor).results(for: try document(broken))
        XCTAssertFalse(second.fromCache)
        XCTAssertEqual(executor.runs, 2)
    }

    func testCorruptEntryIsReportedIgnoredAndRewritten() async throws {
        let executor = FakeExecutor()
        let doc = try document(original)
        _ = try await execution(executor).results(for: doc)
        let file = ResultCache(directory: directory).file(for: CacheKey(cells: doc.cells, seed: doc.seed, toolchain: "swift-6.3.1"))
        try Data("folio-cache-entry sha256=00\n{}".utf8).write(to: file)

        let second = try await execution(executor).results(for: doc)
        XCTAssertFalse(second.fromCache)
        XCTAssertEqual(second.corruption?.file, file.path)
        let third = try await execution(executor).results(for: doc)
        XCTAssertTrue(third.fromCache, "the corrupt entry was rewritten")
        XCTAssertNil(third.corruption)
    }
}
