import XCTest
@testable import Tensors

/// Every loss case of Fixtures/keras-training-goldens.json: per-sample values, the reduced loss and its
/// gradient with respect to the predictions, within 1e-5 (relative for gradients of clipped probabilities).
final class LossGoldenTests: XCTestCase {
    var goldens: TrainingGoldens!

    override func setUpWithError() throws {
        goldens = try TrainingGoldens.load()
    }

    func testBinaryCrossentropyOfProbabilities() { assertLossMatches("binary_crossentropy", .binaryCrossentropy(fromLogits: false)) }
    func testBinaryCrossentropyClipsSaturatedProbabilities() { assertLossMatches("binary_crossentropy_saturated", .binaryCrossentropy) }
    func testBinaryCrossentropyFromLogits() { assertLossMatches("binary_crossentropy_logits", .binaryCrossentropy(fromLogits: true)) }
    func testSparseCategoricalCrossentropyOfProbabilities() { assertLossMatches("sparse_categorical_crossentropy", .sparseCategoricalCrossentropy) }
    func testSparseCategoricalCrossentropyFromLogits() {
        assertLossMatches("sparse_categorical_crossentropy_logits", .sparseCategoricalCrossentropy(fromLogits: true))
    }
    func testCategoricalCrossentropyNormalisesRowsFirst() { assertLossMatches("categorical_crossentropy", .categoricalCrossentropy) }
    func testCategoricalCrossentropyFromLogits() {
        assertLossMatches("categorical_crossentropy_logits", .categoricalCrossentropy(fromLogits: true))
    }
    func testMeanSquaredError() { assertLossMatches("mean_squared_error", .meanSquaredError) }

    func testSigmoidOutputsAreScoredFromTheirLogitsAsInKeras() {
        // Keras's probe: saturated wrong predictions cost 36.667 from the logits, 16.001 clipped.
        let logits = Tensor(shape: [3, 1], scalars: [40, -40, 30])
        let labels = Tensor(shape: [3, 1], scalars: [0, 1, 0])
        XCTAssertEqual(Loss.binaryCrossentropy(labels, sigmoid(logits)).scalars[0], 36.666668, accuracy: 1e-4)
        XCTAssertEqual(Loss.binaryCrossentropy(labels, sigmoid(logits).detached).scalars[0], 16.001, accuracy: 1e-3)
    }

    private func assertLossMatches(_ name: String, _ loss: Loss, file: StaticString = #filePath, line: UInt = #line) {
        let golden = goldens.section("losses", name)
        let labels = TrainingGoldens.tensor(golden["y_true"]), predictions = TrainingGoldens.tensor(golden["y_pred"])
        assertClose(loss.perSample(labels, predictions), TrainingGoldens.tensor(golden["per_sample"]), file: file, line: line)
        let (value, gradient) = valueWithGradient(at: predictions) { loss(labels, $0) }
        XCTAssertEqual(value.scalars[0], Float((golden["loss"] as! NSNumber).doubleValue), accuracy: 1e-5, file: file, line: line)
        let expected = TrainingGoldens.tensor(golden["grad_y_pred"])
        XCTAssertEqual(gradient.shape, expected.shape, file: file, line: line)
        for (actual, wanted) in zip(gradient.scalars, expected.scalars) {
            XCTAssertEqual(actual, wanted, accuracy: 1e-5 * Swift.max(1, Swift.abs(wanted)), file: file, line: line)
        }
    }
}
