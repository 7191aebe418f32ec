internal import CBLAS

/// C = A · B + beta · C on row-major float32 matrices through OpenBLAS's `cblas_sgemm`.
///
/// A is (m, k), B is (k, n), C is (m, n); the leading dimensions let the layers multiply column
/// blocks of a wider matrix in place (GRU's z/r and h blocks). `beta: 1` accumulates into C,
/// which the recurrent layers use to add h·U onto the precomputed input projection.
@inline(__always)
func multiplyMatrices(
    m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    into c: UnsafeMutablePointer<Float>, ldc: Int,
    beta: Float
) {
    guard m > 0, n > 0 else { return }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
