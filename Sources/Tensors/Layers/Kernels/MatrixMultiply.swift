internal import CBLAS

/// C = A · B + beta · C on row-major float32 matrices through OpenBLAS's `cblas_sgemm`.
///
/// A is (m, k), B is (k, n), C is (m, n); the leading dimensions let the layers multiply row
/// blocks of a taller matrix in place (GRU's z/r and h blocks). `beta: 1` accumulates into C,
/// which the recurrent layers use to add h · U onto the input projection.
///
/// A product that is long on one side and short on the other (a recurrent step: 1024 gate rows
/// of 16 sequences, k = 256) is computed in blocks along the long side of
/// `blockLength(long:short:k:)`, each small enough for OpenBLAS's small-matrix kernels.
@inline(__always)
func multiplyMatrices(
    m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    into c: UnsafeMutablePointer<Float>, ldc: Int,
    beta: Float
) {
    guard m > 0, n > 0 else { return }
    if m > n {
        let height = blockLength(long: m, short: n, k: k)
        for row in stride(from: 0, to: m, by: height) {
            sgemm(m: Swift.min(height, m - row), n: n, k: k, a + row * lda, lda: lda, b, ldb: ldb,
                  into: c + row * ldc, ldc: ldc, beta: beta)
        }
    } else {
        let width = blockLength(long: n, short: m, k: k)
        for column in stride(from: 0, to: n, by: width) {
            sgemm(m: m, n: Swift.min(width, n - column), k: k, a, lda: lda, b + column, ldb: ldb,
                  into: c + column, ldc: ldc, beta: beta)
        }
    }
}

@inline(__always)
private func sgemm(
    m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int,
    into c: UnsafeMutablePointer<Float>, ldc: Int,
    beta: Float
) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// The largest product m · n · k that OpenBLAS (0.3.17 and later, on AVX-512 CPUs) hands to its
/// small-matrix kernels, which read A and B in place (its `sgemm_small_matrix_permit`: 100³).
///
/// Above it OpenBLAS first copies the operands into packed buffers. For a recurrent step that
/// copy of the whole recurrent kernel costs as much as the arithmetic on 16 sequences, every
/// step: 16 × 1024 × 256 takes 150 µs in one call and 75 µs in 128-wide blocks on the reference
/// machine (BENCHMARKS.md). Where OpenBLAS has no small-matrix kernels the blocks cost ~3 %.
let smallMatrixProductLimit = 1_000_000

/// How many rows or columns of the long side of a `long` × `short` product with inner size `k`
/// to compute per call: all of them when the product is within `smallMatrixProductLimit` or
/// would need blocks shorter than 64 (two large sides, where packing pays for itself), else the
/// largest power of two that keeps a block's product within the limit (a power of two fills
/// whole vectors of the kernel).
func blockLength(long: Int, short: Int, k: Int) -> Int {
    let longest = smallMatrixProductLimit / Swift.max(1, short * k)
    guard long * short * k > smallMatrixProductLimit, longest >= 64 else { return long }
    var length = 64
    while length * 2 <= longest { length *= 2 }
    return length
}

/// C = op(A) · op(B) + beta · C, where op transposes when asked: op(A) is (m, k), op(B) is (k, n).
/// The backward passes' products (gradients times transposed weights, weight gradients over all
/// timesteps); blocked along the long side like the forward products, so a recurrent step's
/// product stays in OpenBLAS's small-matrix kernels.
func multiplyMatrices(
    m: Int, n: Int, k: Int,
    _ a: UnsafePointer<Float>, lda: Int, transposingA: Bool,
    _ b: UnsafePointer<Float>, ldb: Int, transposingB: Bool,
    into c: UnsafeMutablePointer<Float>, ldc: Int,
    beta: Float
) {
    guard m > 0, n > 0 else { return }
    let transA = transposingA ? CblasTrans : CblasNoTrans, transB = transposingB ? CblasTrans : CblasNoTrans
    let depth = blockLength(long: k, short: m * n, k: 1)
    if depth < k, blockLength(long: Swift.max(m, n), short: Swift.min(m, n), k: k) == Swift.max(m, n) {
        // Both sides short and the inner size long (an LSTM step backwards: 256 × 16 × 1024): blocks
        // along k, summed into C.
        for inner in stride(from: 0, to: k, by: depth) {
            cblas_sgemm(CblasRowMajor, transA, transB, Int32(m), Int32(n), Int32(Swift.min(depth, k - inner)), 1,
                        a + (transposingA ? inner * lda : inner), Int32(lda), b + (transposingB ? inner : inner * ldb), Int32(ldb),
                        inner == 0 ? beta : 1, c, Int32(ldc))
        }
        return
    }
    if m > n {
        let height = blockLength(long: m, short: n, k: k)
        for row in stride(from: 0, to: m, by: height) {
            cblas_sgemm(CblasRowMajor, transA, transB, Int32(Swift.min(height, m - row)), Int32(n), Int32(k), 1,
                        a + (transposingA ? row : row * lda), Int32(lda), b, Int32(ldb), beta, c + row * ldc, Int32(ldc))
        }
    } else {
        let width = blockLength(long: n, short: m, k: k)
        for column in stride(from: 0, to: n, by: width) {
            cblas_sgemm(CblasRowMajor, transA, transB, Int32(m), Int32(Swift.min(width, n - column)), Int32(k), 1,
                        a, Int32(lda), b + (transposingB ? column * ldb : column), Int32(ldb), beta, c + column, Int32(ldc))
        }
    }
}
