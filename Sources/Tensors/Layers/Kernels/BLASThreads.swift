internal import CBLAS

/// OpenBLAS's worker-thread count: how many cores the engine may use, and a way to keep OpenBLAS on
/// the calling thread while the engine runs its own threads.
///
/// OpenBLAS reads `OPENBLAS_NUM_THREADS` (default: all cores) when it loads; the count is
/// process-wide, so `withSingleThreadedBLAS` affects BLAS calls made on other threads meanwhile.
enum BLASThreads {
    /// The number of threads OpenBLAS uses for one large GEMM.
    static var count: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS computing every GEMM on its calling thread, then restores the count.
    ///
    /// The engine's own threads each call small GEMMs; OpenBLAS would otherwise hand each of them
    /// to its worker pool, whose threads spin while the callers do the non-GEMM work.
    static func withSingleThreadedBLAS<Result>(_ body: () throws -> Result) rethrows -> Result {
        let previous = openblas_get_num_threads()
        guard previous > 1 else { return try body() }
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(previous) }
        return try body()
    }
}
