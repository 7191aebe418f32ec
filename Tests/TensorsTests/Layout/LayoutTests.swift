import XCTest
@testable import Tensors

final class LayoutTests: XCTestCase {
    let matrix = Tensor([[1, 2, 3], [4, 5, 6]])

    func testReshapeKeepsValuesAndType() {
        let reshaped = matrix.reshaped(to: [3, 2])
        XCTAssertEqual(reshaped, Tensor([[1, 2], [3, 4], [5, 6]]))
        XCTAssertEqual(matrix.reshaped(to: TensorShape([6])), Tensor([1, 2, 3, 4, 5, 6]))
    }

    func testReshapeInfersMinusOne() {
        XCTAssertEqual(matrix.reshaped(to: [-1, 2]).shape, [3, 2])
        XCTAssertEqual(matrix.reshaped(to: [1, -1]).shape, [1, 6])
    }

    func testReshapeErrorsNameTheShapes() {
        let shape: TensorShape = [2, 3]
        XCTAssertEqual(Tensor.reshapedShape(of: shape, to: [4, 2]).failureMessage,
                       "reshape: cannot reshape a tensor of shape (2, 3) (6 values) into (4, 2) (8 values)")
        XCTAssertEqual(Tensor.reshapedShape(of: shape, to: [4, -1]).failureMessage,
                       "reshape: cannot reshape a tensor of shape (2, 3) (6 values) into (4, -1)")
        XCTAssertEqual(Tensor.reshapedShape(of: shape, to: [-1, -1]).failureMessage,
                       "reshape: only one dimension can be -1, got (-1, -1)")
        XCTAssertEqual(Tensor.reshapedShape(of: shape, to: [-2, -3]).failureMessage,
                       "reshape: dimensions must be positive or -1, got (-2, -3)")
    }

    func testTransposeOfMatrixSwapsRowsAndColumns() {
        XCTAssertEqual(matrix.transposed(), Tensor([[1, 4], [2, 5], [3, 6]]))
    }

    func testTransposeWithPermutationMovesAxes() {
        let cube = Tensor(shape: [2, 3, 4], integers: (0..<24).map(Int32.init))
        let moved = cube.transposed(permutation: 1, 0, 2)
        XCTAssertEqual(moved.shape, [3, 2, 4])
        // moved[i][j][k] == cube[j][i][k]
        XCTAssertEqual(moved[2][1], cube[1][2])
        let reversed = cube.transposed(permutation: 2, 1, 0)
        XCTAssertEqual(reversed.shape, [4, 3, 2])
        XCTAssertEqual(reversed[3][2].integers, [11, 23])
        XCTAssertEqual(Tensor.transposedShape(of: [2, 3], permutation: [0, 0]).failureMessage,
                       "transpose: permutation [0, 0] must list each axis of shape (2, 3) exactly once (0 to 1)")
    }

    func testConcatenateAlongEachAxis() {
        let other = Tensor([[7, 8, 9]])
        XCTAssertEqual(Tensor(concatenating: [matrix, other]), Tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
        let column = Tensor([[10], [20]])
        XCTAssertEqual(Tensor(concatenating: [matrix, column], alongAxis: -1), Tensor([[1, 2, 3, 10], [4, 5, 6, 20]]))
        XCTAssertEqual(Tensor(concatenating: [matrix, column], alongAxis: 1).dtype, .int32)
    }

    func testConcatenatingFloatWithIntGivesFloat() {
        let joined = Tensor(concatenating: [Tensor([1, 2]), Tensor([0.5])])
        XCTAssertEqual(joined, Tensor([1.0, 2.0, 0.5]))
    }

    func testConcatenateErrorNamesTheShapes() {
        XCTAssertEqual(Tensor.concatenatedShape(of: [[2, 3], [2, 4]], alongAxis: 0).failureMessage,
                       "concatenate: shapes (2, 3), (2, 4) must agree on every axis except axis 0")
        XCTAssertEqual(Tensor.concatenatedShape(of: [[2, 3]], alongAxis: 2).failureMessage,
                       "concatenate: axis 2 is out of range for shape (2, 3) of rank 2")
    }

    func testReverseAlongAxis() {
        XCTAssertEqual(matrix.reversed(alongAxis: 0), Tensor([[4, 5, 6], [1, 2, 3]]))
        XCTAssertEqual(matrix.reversed(alongAxis: 1), Tensor([[3, 2, 1], [6, 5, 4]]))
        let sequences = Tensor([[[1.0, 2], [3, 4], [5, 6]]])
        XCTAssertEqual(sequences.reversed(alongAxis: 1), Tensor([[[5.0, 6], [3, 4], [1, 2]]]))
    }

    func testGatherPicksRowsLikeAnEmbeddingLookup() {
        let table = Tensor([[0.0, 0.1], [1.0, 1.1], [2.0, 2.1]])
        let picked = table.gathering(atIndices: Tensor([[2, 0], [1, 1]]))
        XCTAssertEqual(picked.shape, [2, 2, 2])
        XCTAssertEqual(picked.scalars, [2.0, 2.1, 0.0, 0.1, 1.0, 1.1, 1.0, 1.1])
    }

    func testGatherAlongLastAxisPicksColumns() {
        XCTAssertEqual(matrix.gathering(atIndices: Tensor([2, 0]), alongAxis: 1), Tensor([[3, 1], [6, 4]]))
    }

    func testGatherErrors() {
        XCTAssertEqual(Tensor.gatheredShape(of: [3, 2], indices: Tensor([0, 3]), alongAxis: 0).failureMessage,
                       "gather: index 3 is out of range 0..<3 for axis 0 of shape (3, 2)")
        XCTAssertEqual(Tensor.gatheredShape(of: [3, 2], indices: Tensor([0.0]), alongAxis: 0).failureMessage,
                       "gather: indices must be an int32 tensor, got float32 indices of shape (1,)")
    }

    func testSubscriptTakesLeadingSlice() {
        XCTAssertEqual(matrix[1], Tensor([4, 5, 6]))
        XCTAssertEqual(matrix[-1], Tensor([4, 5, 6]))
        XCTAssertEqual(matrix[0][2], Tensor(3))
        XCTAssertEqual(Tensor.leadingSlice(of: [2, 3], at: 2).failureMessage,
                       "subscript: index 2 is out of range for the first axis of shape (2, 3), which has 2 elements")
    }

    func testOneHotPutsOneAtEachIndex() {
        let encoded = oneHot(Tensor([[2, 0], [1, 5]]), depth: 3)
        XCTAssertEqual(encoded.shape, [2, 2, 3])
        XCTAssertEqual(encoded.scalars, [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0])
        XCTAssertEqual(oneHotIndices(Tensor([1.0]), depth: 2).failureMessage,
                       "oneHot: indices must be an int32 tensor, got float32 indices of shape (1,)")
    }
}
