import Dispatch

/// How recurrent calls that do not depend on each other (a `Bidirectional`'s two halves) share the
/// cores: at once, each on its share of the threads, or one after the other, each splitting its
/// own batch across all of them.
///
/// At once is faster: each call's steps multiply twice the rows per thread and pay half the thread
/// hand-offs (one batch of lesson 3's bidirectional LSTM through `fit` 10–15 % faster,
/// BENCHMARKS.md). Calls too small for threads (`BatchPartition.minimumWork` together) run one
/// after the other on the calling thread.
struct CallSchedule: Equatable {
    /// How many calls there are.
    let count: Int
    /// Whether the calls run at the same time.
    let isConcurrent: Bool
    /// The threads each call may split its batch across.
    let threadsPerCall: Int

    /// A schedule for calls doing `works` recurrent multiply-adds each, over at most `threads` threads.
    init(works: [Int], threads: Int) {
        count = works.count
        isConcurrent = works.count > 1 && threads > 1 && works.reduce(0, +) >= BatchPartition.minimumWork
        threadsPerCall = isConcurrent ? Swift.max(1, threads / works.count) : threads
    }

    /// `body` of each call's index, in index order, run as scheduled.
    func map<Result>(_ body: (Int) -> Result) -> [Result] {
        guard isConcurrent else { return (0..<count).map(body) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { results in
            BLASThreads.withSingleThreadedBLAS {
                DispatchQueue.concurrentPerform(iterations: count) { results[$0] = body($0) }
            }
        }
        return results.map { $0! }
    }
}
