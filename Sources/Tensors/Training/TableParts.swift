import Dispatch

/// A memory-bound pass over a large table (an embedding's gradient, its optimizer update), split
/// into one contiguous part of rows per core; smaller tables stay on the calling thread, where
/// handing the work over would cost more than it saves.
enum TableParts {
    /// Tables of at least this many values are split.
    static let parallelThreshold = 1 << 18

    /// Calls `body` on `0..<rows` whole, or on one contiguous part of the rows per core when the
    /// table holds at least `parallelThreshold` values; the parts may run at the same time.
    static func forEach(rows: Int, values: Int, _ body: (Range<Int>) -> Void) {
        let parts = values >= parallelThreshold ? Swift.max(1, Swift.min(BLASThreads.count, rows)) : 1
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body((rows * part / parts)..<(rows * (part + 1) / parts))
        }
    }
}
