import XCTest
@testable import Tensors

final class ReductionTests: XCTestCase {
    let matrix = Tensor([[1.0, 2, 3], [4, 5, 6]])

    func testSumOfAllValuesIsScalar() {
        XCTAssertEqual(matrix.sum(), Tensor(Float(21)))
        XCTAssertEqual(Tensor([1, 2, 3]).sum().scalars, [6])
    }

    func testSumAlongAxesDropsThem() {
        XCTAssertEqual(matrix.sum(alongAxes: 0), Tensor([5.0, 7, 9]))
        XCTAssertEqual(matrix.sum(alongAxes: -1), Tensor([6.0, 15]))
        XCTAssertEqual(matrix.sum(alongAxes: 0, 1), Tensor(Float(21)))
    }

    func testSumKeepingDimensionsBroadcastsBack() {
        let sums = matrix.sum(alongAxes: 1, keepingDimensions: true)
        XCTAssertEqual(sums, Tensor([[6.0], [15]]))
        XCTAssertEqual((matrix / sums).shape, [2, 3])
    }

    func testSumAlongMiddleAxisOfCube() {
        let cube = Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Float.init))
        XCTAssertEqual(cube.sum(alongAxes: 1), Tensor([[6.0, 9], [24, 27]]))
    }

    func testMeanAlongAxes() {
        XCTAssertEqual(matrix.mean(), Tensor(Float(3.5)))
        XCTAssertEqual(matrix.mean(alongAxes: 0), Tensor([2.5, 3.5, 4.5]))
        XCTAssertEqual(matrix.mean(alongAxes: 1, keepingDimensions: true), Tensor([[2.0], [5]]))
    }

    func testMaxAndArgmax() {
        let scores = Tensor([[0.1, 0.7, 0.2], [0.5, -1, 0.5]])
        XCTAssertEqual(scores.max(alongAxes: 1), Tensor([0.7, 0.5]))
        XCTAssertEqual(scores.max(), Tensor(Float(0.7)))
        XCTAssertEqual(scores.argmax(), Tensor([1, 0]))
        XCTAssertEqual(scores.argmax(alongAxis: 0), Tensor([1, 0, 1]))
    }

    func testMaxPropagatesNan() {
        XCTAssertTrue(Tensor([1, Float.nan, 3]).max().scalars[0].isNaN)
    }

    func testReducedAxesErrors() {
        XCTAssertEqual(Tensor.reducedAxes(of: [2, 3], [0, -2], for: "sum").failureMessage,
                       "sum: axis -2 is listed twice in [0, -2] for shape (2, 3)")
        XCTAssertEqual(Tensor.reducedAxes(of: [2, 3], [2], for: "mean").failureMessage,
                       "mean: axis 2 is out of range for shape (2, 3) of rank 2")
    }
}
