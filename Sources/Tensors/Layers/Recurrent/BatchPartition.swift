/// How a recurrent layer splits its batch across threads.
///
/// The sequences of a batch never interact, so each slice of rows runs the whole time loop on its
/// own thread with no synchronisation between steps (a per-step split would pay a thread hand-off
/// 100 times per call). Small inputs, like a notebook's single short sequence, stay on the calling
/// thread: below `minimumWork` the thread start-up would cost more than it saves.
struct BatchPartition: Equatable {
    /// Contiguous, disjoint row ranges covering 0..<batchSize, as equal as possible.
    let slices: [Range<Int>]

    /// Recurrent multiply-adds per call (timesteps · batch · gates · units²) below which the
    /// layer runs on one thread; about a tenth of a millisecond of GEMM work on one core.
    static let minimumWork = 1 << 22

    /// A partition of `batchSize` rows for a call doing `work` recurrent multiply-adds, over at
    /// most `threads` threads.
    init(batchSize: Int, work: Int, threads: Int) {
        let count = work < Self.minimumWork ? 1 : Swift.max(1, Swift.min(threads, batchSize))
        slices = (0..<count).map { part in
            (part * batchSize / count)..<((part + 1) * batchSize / count)
        }
    }

    var isParallel: Bool { slices.count > 1 }
}
