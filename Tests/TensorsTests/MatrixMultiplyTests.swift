import XCTest
@testable import Tensors

/// The GEMM the layers use: blocks along the long side sized for OpenBLAS's small-matrix kernels,
/// and the same product as one plain loop whichever way it is blocked.
final class MatrixMultiplyTests: XCTestCase {
    func testRecurrentStepProductsAreSplitIntoBlocksWithinTheSmallMatrixLimit() {
        // LSTM(256)'s 1024 gate rows for half of a 32-sequence batch, and for all of it.
        XCTAssertEqual(blockLength(long: 1024, short: 16, k: 256), 128)
        XCTAssertEqual(blockLength(long: 1024, short: 32, k: 256), 64)
        XCTAssertLessThanOrEqual(16 * 128 * 256, smallMatrixProductLimit)
    }

    func testSmallAndTallProductsAreOneCall() {
        // The seed notebook's LSTM(64) step, and the input projection of all timesteps.
        XCTAssertEqual(blockLength(long: 256, short: 1, k: 64), 256)
        XCTAssertEqual(blockLength(long: 3200, short: 1024, k: 100), 3200)
    }

    func testProductBlockedAlongColumnsMatchesPlainLoop() {
        // C is the middle 200 columns of a 300-wide buffer: blocks must respect ldc and stop at n.
        assertBlockedProductMatchesPlainLoop(m: 16, n: 200, k: 512, lda: 512, ldb: 200, ldc: 300, offset: 50)
    }

    func testProductBlockedAlongRowsMatchesPlainLoop() {
        // A is rows of a wider matrix and C the middle columns of a wider buffer, as GRU multiplies blocks.
        assertBlockedProductMatchesPlainLoop(m: 200, n: 16, k: 512, lda: 600, ldb: 16, ldc: 40, offset: 8)
    }

    private func assertBlockedProductMatchesPlainLoop(m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int, offset: Int,
                                                      file: StaticString = #filePath, line: UInt = #line) {
        setRandomSeed(5)
        XCTAssertLessThan(blockLength(long: max(m, n), short: min(m, n), k: k), max(m, n),
                          "the product is computed in blocks", file: file, line: line)
        let a = Tensor.randomNormal(shape: [m, lda]).scalars, b = Tensor.randomNormal(shape: [k, ldb]).scalars
        let initial = Tensor.randomNormal(shape: [m, ldc]).scalars
        var c = initial
        c.withUnsafeMutableBufferPointer { c in
            multiplyMatrices(m: m, n: n, k: k, a, lda: lda, b, ldb: ldb, into: c.baseAddress! + offset, ldc: ldc, beta: 1)
        }
        var expected = initial
        for i in 0..<m {
            for j in 0..<n {
                expected[i * ldc + offset + j] += (0..<k).reduce(Float(0)) { $0 + a[i * lda + $1] * b[$1 * ldb + j] }
            }
        }
        assertClose(c, expected, tolerance: 1e-3, file: file, line: line)
    }
}
