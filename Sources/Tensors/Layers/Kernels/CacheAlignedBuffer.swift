/// Uninitialized float memory starting on a cache-line boundary.
///
/// `UnsafeMutablePointer.allocate` only guarantees malloc's 16 bytes, and OpenBLAS's small-matrix
/// kernels read whole 64-byte vectors: with the states and the projection 48 bytes past a line
/// boundary every load straddles two lines, and a recurrent step's GEMM ran up to 6 % slower
/// (BENCHMARKS.md). Which alignment malloc returns depends on what was allocated before, so
/// without this the layers' speed changed with unrelated code.
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
