import XCTest
@testable import Tensors

/// Gradients of sum(layer(x) · R) against Keras 3.15.1's GradientTape (Fixtures/keras-training-goldens.json),
/// weights and inputs, within 1e-5.
final class GradientGoldenTests: XCTestCase {
    var goldens: TrainingGoldens!

    override func setUpWithError() throws {
        goldens = try TrainingGoldens.load()
    }

    func testEmbeddingGradientIsTheDenseTableWithRepeatsSummed() throws {
        let golden = goldens.section("gradients", "embedding")
        let layer = Embedding(inputDim: 20, outputDim: 4)
        try assertGradientsMatch(golden, layer)
        // The dense gradient keeps one slice per id occurrence for the optimizers.
        let ids = TrainingGoldens.tensor(golden["input"])
        let r = TrainingGoldens.tensor(golden["R"])
        let (_, gradients) = valueWithGradient(of: layer) { ($0(ids) * r).sum() }
        XCTAssertEqual(gradients[0].slices?.indices, ids.integers)
        XCTAssertEqual(gradients[0].slices?.values, r.scalars)
    }

    func testDenseReluGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "dense_relu"), Dense(units: 5, activation: .relu))
    }

    func testDenseSoftmaxGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "dense_softmax"), Dense(units: 3, activation: .softmax))
    }

    func testSimpleRNNSequenceGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "simple_rnn_seq"), SimpleRNN(units: 4, returnSequences: true))
    }

    func testLSTMLastOutputGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "lstm_last"), LSTM(units: 4))
    }

    func testGRULastOutputGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "gru_last"), GRU(units: 4))
    }

    func testBidirectionalLSTMSequenceGradientsMatchKeras() throws {
        try assertGradientsMatch(goldens.section("gradients", "bidirectional_lstm_seq"),
                                 Bidirectional(LSTM(units: 3, returnSequences: true)))
    }

    /// Sets the golden weights, checks output, loss, weight gradients and (for float inputs) the input gradient.
    func assertGradientsMatch(_ golden: [String: Any], _ layer: any Layer,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let x = TrainingGoldens.tensor(golden["input"])
        let r = TrainingGoldens.tensor(golden["R"])
        let weights = (golden["weights"] as! [Any]).map(TrainingGoldens.tensor)
        try layer.setWeights(weights)
        assertClose(layer(x), TrainingGoldens.tensor(golden["output"]), file: file, line: line)
        let (loss, gradients) = valueWithGradient(of: layer) { layer in (layer(x) * r).sum() }
        XCTAssertEqual(loss.scalars[0], Float((golden["loss"] as! NSNumber).doubleValue), accuracy: 1e-5, file: file, line: line)
        let expected = (golden["weight_grads"] as! [Any]).map(TrainingGoldens.tensor)
        XCTAssertEqual(gradients.count, expected.count, file: file, line: line)
        for (actual, expected) in zip(gradients, expected) { assertClose(actual, expected, file: file, line: line) }
        if let inputGradient = golden["input_grad"] {
            let (_, dx) = valueWithGradient(at: x) { x in (layer(x) * r).sum() }
            assertClose(dx, TrainingGoldens.tensor(inputGradient), file: file, line: line)
        }
    }
}
