import Folio
import XCTest

final class CacheStoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func cell(_ index: Int, _ code: String, codeLine: Int, options: [Substring] = []) throws -> Cell {
        Cell(index: index, code: code, options: try CellOptions(words: options), fenceLine: codeLine - 1,
             codeLine: codeLine, range: 0..<1, output: nil)
    }

    private func storedEntry(in cache: ResultCache) throws -> (CacheKey, CacheEntry) {
        let cells = [try cell(0, "print(1)\n", codeLine: 4), try cell(1, "print(2)\n", codeLine: 9)]
        let key = CacheKey(cells: cells, seed: 1, toolchain: "t")
        let results = [
            CellResult(status: .ok, text: "1\n", figures: [.init(svg: "<svg><metadata class=\"folio-data\">\nline chart\n</metadata></svg>\n",
                                                                 description: "Line chart of loss")]),
            CellResult(status: .ok, text: "[[1 2]]\n", displays: [.init(range: 0..<7, html: "<table></table>")]),
        ]
        let entry = CacheEntry(key: key, path: "Notebooks/a.md", cells: cells, results: results)
        try cache.store(entry)
        return (key, entry)
    }

    func testStoredEntryIsFoundWithTextDisplaysAndFigures() throws {
        let cache = ResultCache(directory: directory)
        let (key, entry) = try storedEntry(in: cache)
        guard case .hit(let found) = cache.lookup(key) else { return XCTFail("expected a hit") }
        XCTAssertEqual(found, entry)
        XCTAssertEqual(found.results[1].displays.first?.html, "<table></table>")
        XCTAssertEqual(found.results[0].figures.map(\.description), ["Line chart of loss"], "a hit restores the figures")
    }

    func testUnknownKeyIsAMiss() throws {
        let cache = ResultCache(directory: directory)
        let key = CacheKey(cells: [try cell(0, "print(3)\n", codeLine: 2)], seed: 1, toolchain: "t")
        guard case .miss = cache.lookup(key) else { return XCTFail("expected a miss") }
    }

    func testTruncatedEntryIsReportedAsCorruptAndRewrittenByTheNextStore() throws {
        let cache = ResultCache(directory: directory)
        let (key, entry) = try storedEntry(in: cache)
        let file = cache.file(for: key)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)

        guard case .corrupt(let corruption) = cache.lookup(key) else { return XCTFail("expected corrupt") }
        XCTAssertEqual(corruption.file, file.path)
        XCTAssertTrue(corruption.description.contains("checksum mismatch"), corruption.description)

        try cache.store(entry)
        guard case .hit(let found) = cache.lookup(key) else { return XCTFail("expected a hit after rewrite") }
        XCTAssertEqual(found, entry)
    }

    func testAlteredByteFailsTheChecksum() throws {
        let cache = ResultCache(directory: directory)
        let (key, _) = try storedEntry(in: cache)
        let file = cache.file(for: key)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "[[1 2]]", with: "[[1 3]]")
        try text.write(to: file, atomically: true, encoding: .utf8)
        guard case .corrupt(let corruption) = cache.lookup(key) else { return XCTFail("expected corrupt") }
        XCTAssertTrue(corruption.reason.contains("checksum"), corruption.reason)
    }

    func testFileThatIsNotAnEntryIsCorrupt() throws {
        let cache = ResultCache(directory: directory)
        let (key, _) = try storedEntry(in: cache)
        try Data("garbage".utf8).write(to: cache.file(for: key))
        guard case .corrupt(let corruption) = cache.lookup(key) else { return XCTFail("expected corrupt") }
        XCTAssertTrue(corruption.reason.contains("header"), corruption.reason)
    }

    func testEntryStoredUnderAnotherKeysNameIsCorrupt() throws {
        let cache = ResultCache(directory: directory)
        let (key, _) = try storedEntry(in: cache)
        let other = CacheKey(cells: [try cell(0, "print(9)\n", codeLine: 2)], seed: 1, toolchain: "t")
        try FileManager.default.createDirectory(at: cache.file(for: other).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: cache.file(for: key), to: cache.file(for: other))
        guard case .corrupt(let corruption) = cache.lookup(other) else { return XCTFail("expected corrupt") }
        XCTAssertTrue(corruption.reason.contains(key.digest), corruption.reason)
    }

    func testEntryBytesAreDeterministic() throws {
        let cache = ResultCache(directory: directory)
        let (key, entry) = try storedEntry(in: cache)
        let first = try Data(contentsOf: cache.file(for: key))
        try cache.store(entry)
        XCTAssertEqual(first, try Data(contentsOf: cache.file(for: key)))
    }

    func testConcurrentWritersAndReadersNeverSeeAPartialEntry() async throws {
        let cache = ResultCache(directory: directory)
        let (key, entry) = try storedEntry(in: cache)
        let corruptReads = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var corrupt = 0
                    for _ in 0..<40 {
                        if worker % 2 == 0 {
                            try? cache.store(entry)
                        } else if case .corrupt = cache.lookup(key) {
                            corrupt += 1
                        }
                    }
                    return corrupt
                }
            }
            return await group.reduce(0, +)
        }
        XCTAssertEqual(corruptReads, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.file(for: key).deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, [key.digest + ".json"], "temporary files must be renamed away")
    }

    func testIgnoreCellsAreNotStoredAndComeBackAsNotRun() throws {
        let cells = [try cell(0, "print(1)\n", codeLine: 2), try cell(1, "nope\n", codeLine: 6, options: ["ignore"])]
        let key = CacheKey(cells: cells, seed: 1, toolchain: "t")
        let entry = CacheEntry(key: key, path: "a.md", cells: cells,
                               results: [CellResult(status: .ok, text: "1\n"), CellResult(status: .notRun, text: "")])
        XCTAssertEqual(entry.results.count, 1)
        let withoutIgnore = [cells[0]]
        XCTAssertEqual(entry.results(for: withoutIgnore, path: "a.md"), [CellResult(status: .ok, text: "1\n")])
        XCTAssertEqual(entry.results(for: cells, path: "a.md")?.last, CellResult(status: .notRun, text: ""))
    }
}

final class CacheLocationTests: XCTestCase {
    func testDefaultFolderIsAtTheNearestProjectRootAbove() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-root-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("Notebooks/part1")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("Package.swift"))
        XCTAssertEqual(ResultCache.defaultDirectory(from: deep).path, root.appendingPathComponent(".folio-cache").path)
    }
}
