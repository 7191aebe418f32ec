internal import CBLAS

/// C = A · B + beta · C on row-major float32 matrices through OpenBLAS's `cblas_sgemm`.
///
/// A is (m, k), B is (k, n), C is (m, n); the leading dimensions let the layers multiply column
/// blocks of a wider matrix in place (GRU's z/r and h blocks). `beta: 1` accumulates into C,
/// which the recurrent layers use to add h·U onto the precomputed input projection.
///
/// A wide product with few rows (a recurrent step: 16 × 1024 × 256) is computed in column blocks
/// of `columnBlockWidth(m:n:k:)`, each small enough for OpenBLAS's small-matrix kernels.
@inline(__always)
func multiplyMatrices(
    m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    into c: UnsafeMutablePointer<Float>, ldc: Int,
    beta: Float
) {
    guard m > 0, n > 0 else { return }
    let width = columnBlockWidth(m: m, n: n, k: k)
    for column in stride(from: 0, to: n, by: width) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                    Int32(m), Int32(Swift.min(width, n - column)), Int32(k),
                    1, a, Int32(lda), b + column, Int32(ldb), beta, c + column, Int32(ldc))
    }
}

/// The largest product m · n · k that OpenBLAS (0.3.17 and later, on AVX-512 CPUs) hands to its
/// small-matrix kernels, which read A and B in place (its `sgemm_small_matrix_permit`: 100³).
///
/// Above it OpenBLAS first copies B into a packed buffer. For a recurrent step that copy of the
/// whole (256, 1024) recurrent kernel costs as much as the arithmetic on 16 rows, every step:
/// 16 × 1024 × 256 takes 150 µs in one call and 75 µs in 128-column blocks on the reference
/// machine (BENCHMARKS.md). Where OpenBLAS has no small-matrix kernels the blocks cost ~3 %.
let smallMatrixProductLimit = 1_000_000

/// The column-block width for an (m, k) × (k, n) product: all n columns when the product is
/// within `smallMatrixProductLimit` or would need blocks narrower than 64 columns (a tall
/// product, where packing pays for itself), else the largest power of two that keeps a
/// block's product within the limit (a power of two fills whole vectors of the kernel).
func columnBlockWidth(m: Int, n: Int, k: Int) -> Int {
    let widest = smallMatrixProductLimit / Swift.max(1, m * k)
    guard m * n * k > smallMatrixProductLimit, widest >= 64 else { return n }
    var width = 64
    while width * 2 <= widest { width *= 2 }
    return width
}
