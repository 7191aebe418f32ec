import XCTest
@testable import Tensors

final class TensorLiteralTests: XCTestCase {
    func testNestedIntegerLiteralGivesInt32TensorOfItsShape() {
        let tensor = Tensor([[3, 57, 35]])
        XCTAssertEqual(tensor.dtype, .int32)
        XCTAssertEqual(tensor.shape, [1, 3])
        XCTAssertEqual(tensor.integers, [3, 57, 35])
    }

    func testFloatingPointLiteralGivesFloat32Tensor() {
        let tensor = Tensor([[1.5, 2]])
        XCTAssertEqual(tensor.dtype, .float32)
        XCTAssertEqual(tensor.scalars, [1.5, 2])
        XCTAssertNil(tensor.integers)
    }

    func testLiteralsOfRankZeroToFour() {
        XCTAssertEqual(Tensor(7).shape, [])
        XCTAssertEqual(Tensor(7).integers, [7])
        XCTAssertEqual(Tensor([1, 2]).shape, [2])
        XCTAssertEqual(Tensor([[[1], [2]], [[3], [4]], [[5], [6]]]).shape, [3, 2, 1])
        let fourD = Tensor([[[[1.0, 2], [3, 4]]], [[[5, 6], [7, 8]]]])
        XCTAssertEqual(fourD.shape, [2, 1, 2, 2])
        XCTAssertEqual(fourD.scalars, [1, 2, 3, 4, 5, 6, 7, 8])
    }

    func testEmptyFloatArrayKeepsFloatType() {
        let tensor = Tensor([Double]())
        XCTAssertEqual(tensor.dtype, .float32)
        XCTAssertEqual(tensor.shape, [0])
    }

    func testRaggedRowsAreRejectedWithTheirLengths() {
        let result = Tensor.validating([[1, 2, 3], [4, 5]])
        XCTAssertEqual(result.failureMessage,
                       "Tensor: ragged nested array: the arrays at depth 2 must all have 3 elements, but one has 2")
    }

    func testRaggedInnerDepthIsRejected() {
        XCTAssertNotNil(Tensor.validating([[[1.0], [2.0]], [[3.0]]]).failureMessage)
    }

    func testIntegerOutsideInt32IsRejected() {
        XCTAssertEqual(Tensor.validating([1, 3_000_000_000]).failureMessage, "Tensor: 3000000000 does not fit in int32")
    }

    func testFilledTensors() {
        XCTAssertEqual(Tensor(zeros: [2, 2]).scalars, [0, 0, 0, 0])
        XCTAssertEqual(Tensor(ones: [3]).scalars, [1, 1, 1])
        XCTAssertEqual(Tensor(repeating: 0.5, shape: [1, 2]), Tensor([[0.5, 0.5]]))
    }

    func testEqualityComparesShapeTypeAndValues() {
        XCTAssertEqual(Tensor([1, 2]), Tensor(shape: [2], integers: [1, 2]))
        XCTAssertNotEqual(Tensor([1, 2]), Tensor([1.0, 2.0]))
        XCTAssertNotEqual(Tensor([1, 2]).reshaped(to: [2, 1]), Tensor([1, 2]))
        XCTAssertNotEqual(Tensor([1, 2]), Tensor([1, 3]))
    }
}
