import XCTest
@testable import Tensors

/// The GEMM the layers use: column blocks sized for OpenBLAS's small-matrix kernels, and the same
/// product as one plain loop whichever way it is blocked.
final class MatrixMultiplyTests: XCTestCase {
    func testRecurrentStepProductsAreSplitIntoBlocksWithinTheSmallMatrixLimit() {
        // LSTM(256) on half of a 32-sequence batch, and on all of it.
        XCTAssertEqual(columnBlockWidth(m: 16, n: 1024, k: 256), 128)
        XCTAssertEqual(columnBlockWidth(m: 32, n: 1024, k: 256), 64)
        XCTAssertLessThanOrEqual(16 * 128 * 256, smallMatrixProductLimit)
    }

    func testSmallAndTallProductsAreOneCall() {
        // The seed notebook's LSTM(64) step, and the input projection of all timesteps.
        XCTAssertEqual(columnBlockWidth(m: 1, n: 256, k: 64), 256)
        XCTAssertEqual(columnBlockWidth(m: 3200, n: 1024, k: 100), 1024)
    }

    func testBlockedProductWithLeadingDimensionsMatchesPlainLoop() {
        setRandomSeed(5)
        // C is the middle 200 columns of a 300-wide buffer: blocks must respect ldc and stop at n.
        let m = 16, n = 200, k = 512, ldc = 300
        XCTAssertLessThan(columnBlockWidth(m: m, n: n, k: k), n, "the product is computed in blocks")
        let a = Tensor.randomNormal(shape: [m, k]).scalars, b = Tensor.randomNormal(shape: [k, n]).scalars
        let initial = Tensor.randomNormal(shape: [m, ldc]).scalars
        var c = initial
        c.withUnsafeMutableBufferPointer { c in
            multiplyMatrices(m: m, n: n, k: k, a, lda: k, b, ldb: n, into: c.baseAddress! + 50, ldc: ldc, beta: 1)
        }
        var expected = initial
        for i in 0..<m {
            for j in 0..<n {
                expected[i * ldc + 50 + j] += (0..<k).reduce(Float(0)) { $0 + a[i * k + $1] * b[$1 * n + j] }
            }
        }
        assertClose(c, expected, tolerance: 1e-3)
    }
}
