import XCTest
import Tensors

final class TensorShapeDescriptionTests: XCTestCase {
    func testShapePrintsLikeTensorFlow() {
        XCTAssertEqual(TensorShape([1, 3, 100]).description, "(1, 3, 100)")
        XCTAssertEqual(TensorShape([5]).description, "(5,)")
        XCTAssertEqual(TensorShape([]).description, "()")
    }

    func testTensorShapeAndRankComeFromTheLiteral() {
        let tensor = Tensor([[3, 57, 35]])
        XCTAssertEqual(tensor.shape.description, "(1, 3)")
        XCTAssertEqual(tensor.rank, 2)
    }
}
