import Folio
import XCTest

final class CollectionShardTests: XCTestCase {
    func testShardsPartitionTheListIntoBalancedParts() throws {
        for total in [0, 1, 2, 7, 200] {
            let items = (0..<total).map { "Notebooks/\($0).md" }
            for count in 1...5 {
                let parts = try (1...count).map { try Shard(index: $0, count: count).select(items) }
                XCTAssertEqual(parts.flatMap { $0 }.sorted(), items.sorted(), "\(count) shards of \(total) cover each once")
                XCTAssertEqual(Set(parts.flatMap { $0 }).count, total)
                let sizes = parts.map(\.count)
                XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1, "\(count) shards of \(total): \(sizes)")
            }
        }
    }

    func testShardSelectionIsDeterministicAndKeepsOrder() throws {
        let items = ["a.md", "b.md", "c.md", "d.md", "e.md"]
        XCTAssertEqual(try Shard("1/2").select(items), ["a.md", "c.md", "e.md"])
        XCTAssertEqual(try Shard("2/2").select(items), ["b.md", "d.md"])
        XCTAssertEqual(Shard.all.select(items), items)
    }

    func testParsesKOverN() throws {
        let shard = try Shard("3/4")
        XCTAssertEqual(shard.index, 3)
        XCTAssertEqual(shard.count, 4)
        XCTAssertEqual(shard.description, "3/4")
    }

    func testRejectsMalformedOrOutOfRangeShards() {
        for text in ["0/2", "3/2", "1/0", "-1/2", "a/b", "1", "1/2/3", "", "/2"] {
            XCTAssertThrowsError(try Shard(text), text) { error in
                XCTAssertEqual((error as? ShardError)?.description,
                               "invalid shard '\(text)': expected K/N with 1 <= K <= N, e.g. 2/4")
            }
        }
    }
}
