import XCTest
@testable import Tensors

final class ArithmeticTests: XCTestCase {
    func testSameShapeArithmetic() {
        let a = Tensor([[1.0, 2], [3, 4]])
        let b = Tensor([[10.0, 20], [30, 40]])
        XCTAssertEqual(a + b, Tensor([[11.0, 22], [33, 44]]))
        XCTAssertEqual(b - a, Tensor([[9.0, 18], [27, 36]]))
        XCTAssertEqual(a * b, Tensor([[10.0, 40], [90, 160]]))
        XCTAssertEqual(b / a, Tensor([[10.0, 10], [10, 10]]))
        XCTAssertEqual(-a, Tensor([[-1.0, -2], [-3, -4]]))
    }

    func testScalarOperandsOnEitherSide() {
        let a = Tensor([1.0, 2, 4])
        XCTAssertEqual(a + 1, Tensor([2.0, 3, 5]))
        XCTAssertEqual(1 - a, Tensor([0.0, -1, -3]))
        XCTAssertEqual(a * 0.5, Tensor([0.5, 1, 2]))
        XCTAssertEqual(8 / a, Tensor([8.0, 4, 2]))
    }

    func testIntegerOperandsGiveFloatResults() {
        let result = Tensor([1, 2]) / 2
        XCTAssertEqual(result.dtype, .float32)
        XCTAssertEqual(result.scalars, [0.5, 1])
    }

    func testBroadcastingRowAgainstMatrix() {
        let matrix = Tensor([[1.0, 2, 3], [4, 5, 6]])
        XCTAssertEqual(matrix + Tensor([10.0, 20, 30]), Tensor([[11.0, 22, 33], [14, 25, 36]]))
        XCTAssertEqual(matrix * Tensor([[2.0], [3]]), Tensor([[2.0, 4, 6], [12, 15, 18]]))
    }

    func testBroadcastingBothOperandsExpand() {
        let column = Tensor([[1.0], [2]])
        let row = Tensor([10.0, 20, 30])
        let sum = column + row
        XCTAssertEqual(sum.shape, [2, 3])
        XCTAssertEqual(sum.scalars, [11, 21, 31, 12, 22, 32])
        let cube = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4]) - Tensor(shape: [3, 1], scalars: [1, 2, 3])
        XCTAssertEqual(cube.shape, [2, 3, 2])
        XCTAssertEqual(cube.scalars, [0, 1, -1, 0, -2, -1, 2, 3, 1, 2, 0, 1])
    }

    func testBroadcastingErrorNamesTheShapes() {
        XCTAssertEqual(Broadcasting.shape([2, 3], [2], for: "+").failureMessage,
                       "+: shapes (2, 3) and (2,) cannot be broadcast together: dimensions 3 and 2 differ and neither is 1")
        XCTAssertEqual(Broadcasting.shape([4, 1, 3], [5, 1], for: "*").success, [4, 5, 3])
    }

    func testMatmulOfMatrices() {
        let a = Tensor([[1.0, 2, 3], [4, 5, 6]])
        let b = Tensor([[7.0, 8], [9, 10], [11, 12]])
        XCTAssertEqual(matmul(a, b), Tensor([[58.0, 64], [139, 154]]))
    }

    func testMatmulOfSequenceBatchWithSharedMatrix() {
        let batch = Tensor(shape: [2, 2, 3], scalars: (1...12).map(Float.init))
        let kernel = Tensor([[1.0, 0], [0, 1], [1, 1]])
        let product = matmul(batch, kernel)
        XCTAssertEqual(product.shape, [2, 2, 2])
        XCTAssertEqual(product.scalars, [4, 5, 10, 11, 16, 17, 22, 23])
    }

    func testMatmulOfMatrixBatches() {
        let a = Tensor([[[1.0, 2]], [[3, 4]]])
        let b = Tensor([[[1.0], [1]], [[2], [0]]])
        XCTAssertEqual(matmul(a, b), Tensor([[[3.0]], [[6]]]))
    }

    func testMatmulOfIntegerTensorsIsFloat() {
        XCTAssertEqual(matmul(Tensor([[1, 2]]), Tensor([[3], [4]])), Tensor([[11.0]]))
    }

    func testMatmulErrorsNameTheShapes() {
        XCTAssertEqual(matmulShape([2, 3], [4, 5]).failureMessage, "matmul: inner dimensions differ: (2, 3) x (4, 5) (3 vs 4)")
        XCTAssertEqual(matmulShape([3], [3, 4]).failureMessage,
                       "matmul: expects 2-D x 2-D, 3-D x 2-D or 3-D x 3-D tensors, got (3,) x (3, 4)")
        XCTAssertEqual(matmulShape([2, 1, 3], [4, 3, 1]).failureMessage, "matmul: batch sizes differ: (2, 1, 3) x (4, 3, 1) (2 vs 4)")
    }

    func testMatmulWithEmptyInnerDimensionGivesZeros() {
        XCTAssertEqual(matmul(Tensor(zeros: [2, 0]), Tensor(zeros: [0, 3])), Tensor(zeros: [2, 3]))
    }
}
