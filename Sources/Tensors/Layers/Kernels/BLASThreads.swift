internal import CBLAS
import Foundation

/// OpenBLAS's worker-thread count: how many cores the engine may use, and a way to keep OpenBLAS on
/// the calling thread while the engine runs its own threads.
///
/// OpenBLAS reads `OPENBLAS_NUM_THREADS` (default: all cores) when it loads; the count is
/// process-wide, so `withSingleThreadedBLAS` also affects BLAS calls made on other threads meanwhile.
enum BLASThreads {
    /// The number of threads OpenBLAS uses for one large GEMM.
    static var count: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS computing every GEMM on its calling thread, then restores the count.
    ///
    /// The engine's own threads each call small GEMMs; OpenBLAS would otherwise hand each of them
    /// to its worker pool, whose threads spin while the callers do the non-GEMM work. Calls may
    /// overlap (layers run on several threads): the first one in lowers the count, the last one
    /// out restores it.
    static func withSingleThreadedBLAS<Result>(_ body: () throws -> Result) rethrows -> Result {
        lowering.lock.withLock {
            if lowering.depth == 0 {
                lowering.savedCount = openblas_get_num_threads()
                openblas_set_num_threads(1)
            }
            lowering.depth += 1
        }
        defer {
            lowering.lock.withLock {
                lowering.depth -= 1
                if lowering.depth == 0 { openblas_set_num_threads(lowering.savedCount) }
            }
        }
        return try body()
    }

    /// The overlapping `withSingleThreadedBLAS` calls and the count to restore after the last,
    /// guarded by `lock`.
    private final class Lowering: @unchecked Sendable {
        let lock = NSLock()
        var depth = 0
        var savedCount: Int32 = 1
    }

    private static let lowering = Lowering()
}
