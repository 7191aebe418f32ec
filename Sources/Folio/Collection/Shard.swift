/// One of N parts of a notebook list, so N CI machines each run a part and together run every
/// notebook exactly once: `--shard K/N`, K from 1.
///
/// Part K takes the notebooks at positions K-1, K-1+N, K-1+2N, … of the sorted list
/// (`NotebookPaths.expand`). Dealing round-robin from a sorted list keeps the parts within one
/// notebook of each other in size, and depends only on the list, so every machine agrees.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 1-based part number.
    public let index: Int
    public let count: Int

    /// Every notebook in one part.
    public static let all = Shard(validIndex: 1, count: 1)

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(index) else {
            throw ShardError(text: "\(index)/\(count)")
        }
        self.init(validIndex: index, count: count)
    }

    /// Parses `K/N`.
    public init(_ text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(text: text)
        }
        try self.init(index: index, count: count)
    }

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// This part's items, in their order.
    public func select<Item>(_ items: [Item]) -> [Item] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that is not `K/N` with 1 ≤ K ≤ N.
public struct ShardError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String

    public var description: String { "invalid shard '\(text)': expected K/N with 1 <= K <= N, e.g. 2/4" }
}
