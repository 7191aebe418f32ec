import XCTest
import Tensors

final class ActivationTests: XCTestCase {
    let inputs = Tensor([-4.0, -1, 0, 0.5, 4])

    func testElementwiseActivations() {
        assertClose(tanh(inputs), [-0.9993293, -0.7615942, 0, 0.46211717, 0.9993293])
        assertClose(sigmoid(inputs), [0.01798621, 0.26894143, 0.5, 0.62245935, 0.98201376])
        XCTAssertEqual(relu(inputs).scalars, [0, 0, 0, 0.5, 4])
        XCTAssertEqual(linear(inputs), inputs)
    }

    func testHardSigmoidFollowsKeras3() {
        // Keras 3: relu6(x + 3) / 6, so saturated beyond +-3 and 0.5 + x/6 between.
        assertClose(hardSigmoid(inputs), [0, 1.0 / 3, 0.5, 0.5833333, 1])
    }

    func testLinearOfIntegersIsFloat() {
        XCTAssertEqual(linear(Tensor([1, 2])).dtype, .float32)
    }

    func testSoftmaxAlongLastAxisSumsToOne() {
        let scores = Tensor([[1.0, 2, 3], [1000, 1000, 1000]])
        let probabilities = softmax(scores)
        // numpy: exp(x - x.max()) / exp(x - x.max()).sum()
        assertClose(probabilities, [0.09003057, 0.24472848, 0.66524094, 1.0 / 3, 1.0 / 3, 1.0 / 3])
    }

    func testSoftmaxAlongFirstAxis() {
        let probabilities = softmax(Tensor([[0.0, 1], [0, 1]]), alongAxis: 0)
        XCTAssertEqual(probabilities.scalars, [0.5, 0.5, 0.5, 0.5])
    }

    func testExp() {
        assertClose(exp(Tensor([0.0, 1])), [1, 2.7182817])
    }

    private func assertClose(_ tensor: Tensor, _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(tensor.scalars.count, expected.count, file: file, line: line)
        for (actual, wanted) in zip(tensor.scalars, expected) {
            XCTAssertEqual(actual, wanted, accuracy: 1e-6, file: file, line: line)
        }
    }
}
