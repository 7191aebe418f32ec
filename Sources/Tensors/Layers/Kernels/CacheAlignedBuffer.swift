/// Uninitialized float memory starting on a cache-line boundary.
///
/// `UnsafeMutablePointer.allocate` only guarantees malloc's 16 bytes, and OpenBLAS's small-matrix
/// kernels read whole 64-byte vectors: with the states and the projection 48 bytes past a line
/// boundary, loads straddle two lines. Which alignment malloc returns depends on what was
/// allocated before, and LSTM times moved by up to 10 % with changes that only reordered
/// allocations (BENCHMARKS.md, lever 15); aligned, they no longer do.
enum CacheAlignedBuffer {
    static let alignment = 64

    static func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, count) * MemoryLayout<Float>.stride, alignment: alignment)
            .bindMemory(to: Float.self, capacity: Swift.max(1, count))
    }

    static func deallocate(_ buffer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(buffer).deallocate()
    }
}
