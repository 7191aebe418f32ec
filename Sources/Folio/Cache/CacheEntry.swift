/// What the cache keeps for one key: every executed cell's results (text and rich displays),
/// and the notebook layout they were recorded with, so a hit can be moved to the current layout.
public struct CacheEntry: Hashable, Sendable, Codable {
    /// The key's digest, checked on read against the file's name.
    public let key: String
    /// The notebook path the results' messages mention.
    public let path: String
    /// The first code line of each executed (not `ignore`) cell when the results were made.
    public let codeLines: [Int]
    /// The results of the executed cells, in order.
    public let results: [CellResult]

    /// Records `results`, one per cell of `cells` (as the executor returns them), for `key`.
    /// `ignore` cells are not stored: they are not part of the key and never run.
    public init(key: CacheKey, path: String, cells: [Cell], results: [CellResult]) {
        precondition(cells.count == results.count,
                     "CacheEntry: \(path) has \(cells.count) cells but \(results.count) results")
        let executed = zip(cells, results).filter { cell, _ in !cell.options.ignore }
        self.key = key.digest
        self.path = path
        self.codeLines = executed.map { cell, _ in cell.codeLine }
        self.results = executed.map { _, result in result }
    }

    /// The recorded results laid out for `cells` of the notebook at `path`, whose key is this
    /// entry's: `ignore` cells get `.notRun`, and `path:LINE` mentions follow their cells.
    /// Nil when `cells` does not have as many executed cells as the entry (not this entry's notebook).
    public func results(for cells: [Cell], path: String) -> [CellResult]? {
        let executed = cells.filter { !$0.options.ignore }
        guard executed.count == results.count else { return nil }
        let relocation = SourceRelocation(
            recorded: (self.path, codeLines),
            current: (path, executed.map(\.codeLine)),
            lineCounts: executed.map { $0.code.utf8.lazy.filter { $0 == 0x0A }.count + 1 })
        var recorded = results.makeIterator()
        return cells.map { cell in
            cell.options.ignore ? CellResult(status: .notRun, text: "") : relocation.relocate(recorded.next()!)
        }
    }
}
