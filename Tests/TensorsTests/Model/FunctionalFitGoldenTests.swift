import XCTest
@testable import Tensors

/// A functional skip-gram model (two id inputs, an Embedding each, Dot, Flatten, sigmoid
/// Activation) trained as Keras 3.15.1 trains it from the same weights and data
/// (Fixtures/keras-functional-fit.json, made by Fixtures/make_summary_goldens.py), the merge
/// layers' outputs against Keras's, and a model reading masks that merges combined.
final class FunctionalFitGoldenTests: XCTestCase {
    private var goldens: [String: Any]!

    override func setUpWithError() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "keras-functional-fit", withExtension: "json", subdirectory: "Fixtures"))
        goldens = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    }

    private func summaryGolden(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "keras-summaries", withExtension: "json", subdirectory: "Fixtures"))
        let cases = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["cases"] as? [[String: Any]])
        return try XCTUnwrap(cases.first { $0["name"] as? String == name }?["text"] as? String)
    }

    func testSkipGramHistoryWeightsOptimizerStateEvaluatePredictAndSummaryMatchKeras() throws {
        let golden = try XCTUnwrap(goldens["skip_gram_fit"] as? [String: Any])
        let target = Input(shape: [1], dtype: .int32, name: "target"), context = Input(shape: [1], dtype: .int32, name: "context")
        let similarity = Dot(axes: 2, name: "dot")([Embedding(inputDim: 12, outputDim: 4, name: "embedding")(target),
                                                     Embedding(inputDim: 12, outputDim: 4, name: "embedding_1")(context)])
        let model = Model(inputs: [target, context],
                          outputs: ActivationLayer(.sigmoid, name: "activation")(Flatten(name: "flatten")(similarity)), name: "functional")
        try model.setWeights(TrainingGoldens.tensors(golden["initial_weights"]))
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
        XCTAssertEqual(model.summaryText(), try summaryGolden("functional_skip_gram"))

        let x = [TrainingGoldens.tensor(golden["targets"]), TrainingGoldens.tensor(golden["contexts"])]
        let y = TrainingGoldens.tensor(golden["labels"])
        var batchLogs: [[String: Float]] = []
        let history = model.fit(x, y, batchSize: 8, epochs: 3, verbose: 0, shuffle: false,
                                callbacks: [LambdaCallback(onBatchEnd: { _, logs in batchLogs.append(logs) })])
        let expected = try XCTUnwrap(golden["history"] as? [String: [Double]])
        XCTAssertEqual(Set(history.history.keys), Set(expected.keys))
        for (name, values) in expected {
            assertClose(history.history[name]!, values.map(Float.init))
        }
        let expectedBatchLogs = try XCTUnwrap(golden["batch_logs"] as? [[String: Double]])
        XCTAssertEqual(batchLogs.count, expectedBatchLogs.count)
        for (logs, expected) in zip(batchLogs, expectedBatchLogs) {
            XCTAssertEqual(Double(logs["loss"]!), expected["loss"]!, accuracy: 1e-5)
            XCTAssertEqual(Double(logs["accuracy"]!), expected["accuracy"]!, accuracy: 1e-6)
        }
        for (weight, expected) in zip(model.weights, TrainingGoldens.tensors(golden["final_weights"])) {
            assertClose(weight, expected, tolerance: 1e-4)
        }
        let variables = TrainingGoldens.tensors(golden["final_optimizer_variables"])
        XCTAssertEqual(model.compiled!.optimizer.variables.count, variables.count)
        for (variable, expected) in zip(model.compiled!.optimizer.variables, variables) {
            assertClose(variable.value.reshaped(to: expected.shape), expected, tolerance: 1e-4)
        }
        for (name, value) in try XCTUnwrap(golden["evaluate"] as? [String: Double]) {
            XCTAssertEqual(Double(model.evaluate(x, y, verbose: 0)[name]!), value, accuracy: 1e-5, name)
        }
        assertClose(model.predict(x, verbose: 0), TrainingGoldens.tensor(golden["predict"]))
        XCTAssertEqual(model.summaryText(), try summaryGolden("functional_skip_gram_after_fit"))
    }

    func testRecurrentLayersReadingMergedMasksPredictTrainAndSummariseAsKeras() throws {
        let golden = try XCTUnwrap(goldens["masked_merges_predict"] as? [String: Any])
        LayerName.reset()
        let ids = Input(shape: [6], dtype: .int32), otherIDs = Input(shape: [6], dtype: .int32)
        let x = Embedding(inputDim: 12, outputDim: 4, maskZero: true)(ids), y = Embedding(inputDim: 12, outputDim: 4, maskZero: true)(otherIDs)
        let sequences = Concatenate()([LSTM(units: 3, returnSequences: true)(x), GRU(units: 3, returnSequences: true, goBackwards: true)(y)])
        let summed = Add()([x, y])
        let model = Model(inputs: [ids, otherIDs],
                          outputs: Dense(units: 1)(Concatenate()([LSTM(units: 2)(sequences), SimpleRNN(units: 2)(summed)])))
        try model.setWeights(TrainingGoldens.tensors(golden["weights"]))
        let inputs = TrainingGoldens.tensors(golden["inputs"])
        assertClose(model.predict(inputs, verbose: 0), TrainingGoldens.tensor(golden["predict"]))
        XCTAssertEqual(model.summaryText(), try summaryGolden("functional_masked_merges"))

        let fit = try XCTUnwrap(golden["fit"] as? [String: Any])
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .meanSquaredError)
        let history = model.fit(inputs, TrainingGoldens.tensor(fit["labels"]), batchSize: 2, epochs: 3, verbose: 0, shuffle: false)
        assertClose(history.history["loss"]!, try XCTUnwrap(fit["loss"] as? [Double]).map(Float.init))
    }

    func testMergeLayersGiveKerasOutputs() throws {
        let cases = try XCTUnwrap(goldens["merge_forward"] as? [String: [String: Any]])
        let layers: [String: ([Tensor]) -> Tensor] = [
            "dot_axes_2_2": { Dot(axes: [2, 2])($0) },
            "dot_axes_1_2_normalize": { Dot(axes: [1, 2], normalize: true)($0) },
            "dot_rank_2": { Dot(axes: -1)($0) },
            "dot_rank_2_normalize": { Dot(axes: 1, normalize: true)($0) },
            "add": { Add()($0) },
            "multiply": { Multiply()($0) },
            "concatenate_axis_1": { Concatenate(axis: 1)($0) },
            "reshape": { Reshape(targetShape: [2, -1])($0[0]) },
            "flatten": { Flatten()($0[0]) },
        ]
        XCTAssertEqual(Set(cases.keys), Set(layers.keys))
        for (name, golden) in cases {
            let output = layers[name]!(TrainingGoldens.tensors(golden["inputs"]))
            let expected = TrainingGoldens.tensor(golden["output"])
            XCTAssertEqual(output.shape, expected.shape, name)
            assertClose(output, expected)
        }
    }
}
