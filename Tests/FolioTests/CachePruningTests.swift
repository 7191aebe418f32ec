import Folio
import XCTest

/// `ResultCache.prune`: deletes the entries whose keys are not kept, and nothing else.
final class CachePruningTests: XCTestCase {
    private var directory: URL!
    private var cache: ResultCache!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-prune-\(UUID().uuidString)")
        cache = ResultCache(directory: directory)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stores an entry for a one-cell notebook printing `value` and returns its key.
    private func store(_ value: Int) throws -> CacheKey {
        let cell = Cell(index: 0, code: "print(\(value))\n", options: CellOptions(), fenceLine: 1, codeLine: 2,
                        range: 0..<1, output: nil)
        let key = CacheKey(cells: [cell], seed: 1, toolchain: "t")
        try cache.store(CacheEntry(key: key, path: "a.md", cells: [cell], results: [CellResult(status: .ok, text: "\(value)\n")]))
        return key
    }

    func testEntriesNotKeptAreDeletedAndKeptOnesStillHit() throws {
        let keys = try (1...3).map(store)
        let pruning = try cache.prune(keeping: [keys[1].digest])
        XCTAssertEqual(pruning.removed, 2)
        XCTAssertEqual(pruning.kept, 1)
        XCTAssertGreaterThan(pruning.removedBytes, 0)
        guard case .hit = cache.lookup(keys[1]) else { return XCTFail("the kept entry must still hit") }
        for key in [keys[0], keys[2]] {
            guard case .miss = cache.lookup(key) else { return XCTFail("\(key) should be gone") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: cache.file(for: key).deletingLastPathComponent().path),
                           "an emptied folder is removed")
        }
    }

    func testDryRunCountsButDeletesNothing() throws {
        let keys = try (1...2).map(store)
        let pruning = try cache.prune(keeping: [], dryRun: true)
        XCTAssertEqual(pruning.removed, 2)
        for key in keys {
            guard case .hit = cache.lookup(key) else { return XCTFail("a dry run must delete nothing") }
        }
    }

    func testFilesThatAreNotEntriesAreLeftAlone() throws {
        let key = try store(1)
        let folder = cache.file(for: key).deletingLastPathComponent()
        let notes = folder.appendingPathComponent("notes.txt"), memo = directory.appendingPathComponent("toolchain/swiftc-x")
        try FileManager.default.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notes)
        try Data("memo".utf8).write(to: memo)
        XCTAssertEqual(try cache.prune(keeping: []).removed, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: notes.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: memo.path))
    }

    func testMissingCacheFolderPrunesNothing() throws {
        let pruning = try cache.prune(keeping: [])
        XCTAssertEqual([pruning.removed, pruning.kept, pruning.removedBytes], [0, 0, 0])
    }
}
