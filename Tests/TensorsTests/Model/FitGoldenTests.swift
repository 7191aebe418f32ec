import XCTest
@testable import Tensors

/// `fit`, `evaluate`, `predict` and `summary()` against Keras 3.15.1 (the `fit` section of
/// Fixtures/keras-training-goldens.json): the same model, initial weights and data give Keras's
/// History (1e-5), final weights and optimizer variables (1e-4), evaluation and predictions (1e-5),
/// and its summary text byte for byte.
final class FitGoldenTests: XCTestCase {
    private var goldens: TrainingGoldens!

    override func setUpWithError() throws {
        goldens = try TrainingGoldens.load()
    }

    private func embeddingLSTMModel() throws -> (Sequential, [String: Any]) {
        let golden = goldens.section("fit", "embedding_lstm_binary")
        let model = Sequential([Embedding(inputDim: 20, outputDim: 8, name: "embedding"), LSTM(units: 6, name: "lstm"),
                                Dense(units: 1, activation: .sigmoid, name: "dense")], name: "sequential")
        model.build(inputShape: [nil, 7])
        try model.setWeights((golden["initial_weights"] as! [Any]).map(TrainingGoldens.tensor))
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
        return (model, golden)
    }

    func testHistoryFinalWeightsOptimizerStateEvaluateAndPredictMatchKeras() throws {
        let (model, golden) = try embeddingLSTMModel()
        var batchLogs: [[String: Float]] = []
        let history = model.fit(TrainingGoldens.tensor(golden["x_train"]), TrainingGoldens.tensor(golden["y_train"]),
                                batchSize: 16, epochs: 3, verbose: 0, shuffle: false,
                                callbacks: [LambdaCallback(onBatchEnd: { _, logs in batchLogs.append(logs) })])
        let expected = golden["history"] as! [String: [Double]]
        XCTAssertEqual(Set(history.history.keys), Set(expected.keys))
        for (name, values) in expected {
            assertClose(Tensor(shape: [values.count], scalars: history.history[name]!), Tensor(shape: [values.count], scalars: values.map(Float.init)))
        }
        let expectedBatchLogs = golden["batch_logs"] as! [[String: Double]]
        XCTAssertEqual(batchLogs.count, expectedBatchLogs.count)
        for (logs, expected) in zip(batchLogs, expectedBatchLogs) {
            XCTAssertEqual(Double(logs["loss"]!), expected["loss"]!, accuracy: 1e-5)
            XCTAssertEqual(Double(logs["accuracy"]!), expected["accuracy"]!, accuracy: 1e-6)
        }
        for (weight, expected) in zip(model.weights, (golden["final_weights"] as! [Any]).map(TrainingGoldens.tensor)) {
            assertClose(weight, expected, tolerance: 1e-4)
        }
        let variables = golden["final_optimizer_variables"] as! [Any]
        XCTAssertEqual(model.compiled!.optimizer.variables.count, variables.count)
        for (variable, expected) in zip(model.compiled!.optimizer.variables, variables.map(TrainingGoldens.tensor)) {
            assertClose(variable.value.reshaped(to: expected.shape), expected, tolerance: 1e-4)
        }

        let xTest = TrainingGoldens.tensor(golden["x_test"]), yTest = TrainingGoldens.tensor(golden["y_test"])
        let scores = model.evaluate(xTest, yTest, verbose: 0)
        for (name, value) in golden["evaluate"] as! [String: Double] {
            XCTAssertEqual(Double(scores[name]!), value, accuracy: 1e-5, name)
        }
        assertClose(model.predict(xTest, verbose: 0), TrainingGoldens.tensor(golden["predict"]))
        XCTAssertEqual(model.summaryText(), golden["summary_text_after_fit"] as? String)
    }

    func testSummaryBeforeTrainingMatchesKerasAtBothWidths() throws {
        let (model, golden) = try embeddingLSTMModel()
        XCTAssertEqual(model.summaryText(), golden["summary_text"] as? String)
        XCTAssertEqual(model.summaryText(lineLength: 88), golden["summary_text_wide"] as? String)
    }

    func testCrossentropyInsideFitAndEvaluateComesFromTheLogitsButNotAfterPredict() throws {
        let golden = goldens.section("fit", "probe_sigmoid_logits")
        let model = Sequential([Dense(units: 1, activation: .sigmoid)])
        model.build(inputShape: [nil, 2])
        try model.setWeights([Tensor(shape: [2, 1], scalars: [20, 20]), Tensor(shape: [1], scalars: [0])])
        model.compile(optimizer: SGD(learningRate: 0), loss: .binaryCrossentropy, metrics: [.accuracy])
        let x = TrainingGoldens.tensor(golden["x"]), y = TrainingGoldens.tensor(golden["y"])
        let evaluated = golden["evaluate"] as! [String: Double]
        XCTAssertEqual(Double(model.evaluate(x, y, verbose: 0)["loss"]!), evaluated["loss"]!, accuracy: 1e-4)
        let clipped = (golden["bce_of_predict_output_clipped"] as! NSNumber).doubleValue
        XCTAssertEqual(Double(Loss.binaryCrossentropy(y, model.predict(x, verbose: 0)).scalars[0]), clipped, accuracy: 1e-4)
        let history = model.fit(x, y, batchSize: 2, verbose: 0, shuffle: false)
        XCTAssertEqual(Double(history.history["loss"]![0]), (golden["history"] as! [String: [Double]])["loss"]![0], accuracy: 1e-4)
    }

    func testValidationSplitTakesTheLastSamplesBeforeShuffling() throws {
        let golden = goldens.section("fit", "probe_validation_split")
        let model = Sequential([Dense(units: 1, activation: .sigmoid)])
        model.build(inputShape: [nil, 3])
        try model.setWeights((golden["weights"] as! [Any]).map(TrainingGoldens.tensor))
        model.compile(optimizer: SGD(learningRate: 0), loss: .binaryCrossentropy)
        let history = model.fit(TrainingGoldens.tensor(golden["x"]), TrainingGoldens.tensor(golden["y"]), batchSize: 4,
                                verbose: 0, validationSplit: 0.25)
        let expected = golden["history"] as! [String: [Double]]
        XCTAssertEqual(Double(history.history["val_loss"]![0]), expected["val_loss"]![0], accuracy: 1e-5)
        XCTAssertEqual(Double(history.history["loss"]![0]), expected["loss"]![0], accuracy: 1e-5)
    }
}
