import Foundation
import XCTest
@testable import Tensors

/// `fit` on configurations held out from the first golden, against Keras 3.15.1
/// (Fixtures/keras-fit-goldens.json, made by make_fit_goldens.py there): masks, Bidirectional in two
/// merge modes, RMSprop with and without momentum, a validation split with EarlyStopping restoring
/// the best weights, SGD with Nesterov momentum, regression, GRU with clipnorm and sparse categorical
/// crossentropy, a loss per timestep on masked sequences, rank-one binary labels, `validationData`,
/// AdamW, Adagrad under a schedule. From Keras's initial weights and data: the History and every
/// batch's logs (1e-5), the final weights and optimizer variables (1e-4), `evaluate` and `predict`
/// (1e-5), and `summary()` after training but for the automatic names (shapes, parameter counts,
/// totals with the optimizer's).
final class FitConfigurationGoldenTests: XCTestCase {
    private static let goldens: [String: [String: Any]] = {
        let url = Bundle.module.url(forResource: "keras-fit-goldens", withExtension: "json", subdirectory: "Fixtures")!
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return root["cases"] as! [String: [String: Any]]
    }()

    func testMaskedSimpleRNNOnPaddedSequencesWithOneAllPadding() {
        check("masked_simple_rnn", [Embedding(inputDim: 15, outputDim: 4, maskZero: true), SimpleRNN(units: 5),
                                    Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.01), .binaryCrossentropy, [.accuracy])
    }

    func testBidirectionalLSTMConcatenated() {
        check("bidirectional_lstm_concat", [Embedding(inputDim: 12, outputDim: 4, maskZero: true),
                                            Bidirectional(LSTM(units: 3), mergeMode: .concat), Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.02), .binaryCrossentropy, [.accuracy])
    }

    func testBidirectionalLSTMSummed() {
        check("bidirectional_lstm_sum", [Embedding(inputDim: 12, outputDim: 4, maskZero: true),
                                         Bidirectional(LSTM(units: 3), mergeMode: .sum), Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.02), .binaryCrossentropy, [.accuracy])
    }

    func testRMSprop() {
        check("rmsprop", [Embedding(inputDim: 10, outputDim: 3), LSTM(units: 4), Dense(units: 1, activation: .sigmoid)],
              RMSprop(learningRate: 0.01), .binaryCrossentropy, [.accuracy])
    }

    func testRMSpropWithMomentum() {
        check("rmsprop_momentum", [Embedding(inputDim: 10, outputDim: 3), LSTM(units: 4), Dense(units: 1, activation: .sigmoid)],
              RMSprop(learningRate: 0.01, momentum: 0.9), .binaryCrossentropy, [.accuracy])
    }

    func testValidationSplitWithEarlyStoppingRestoringTheBestWeights() {
        let stopping = EarlyStopping(monitor: "val_loss", patience: 1, restoreBestWeights: true)
        check("validation_split_early_stopping", [Dense(units: 4, activation: .tanh), Dense(units: 1, activation: .sigmoid)],
              SGD(learningRate: 3), .binaryCrossentropy, [.accuracy], callbacks: [stopping])
        let expected = Self.goldens["validation_split_early_stopping"]!["early_stopping"] as! [String: Int]
        XCTAssertEqual(stopping.stoppedEpoch, expected["stopped_epoch"])
        XCTAssertEqual(stopping.bestEpoch, expected["best_epoch"])
    }

    func testSGDWithNesterovMomentum() {
        check("sgd_nesterov", [Embedding(inputDim: 10, outputDim: 4, maskZero: true), LSTM(units: 4), Dense(units: 1, activation: .sigmoid)],
              SGD(learningRate: 0.1, momentum: 0.9, nesterov: true), .binaryCrossentropy, [.accuracy])
    }

    func testRegressionWithMeanSquaredErrorAndMeanAbsoluteError() {
        check("regression_mse", [Dense(units: 8, activation: .relu), Dense(units: 1)],
              Adam(learningRate: 0.01), .meanSquaredError, [.mean(of: .meanAbsoluteError)])
    }

    func testGRUWithAdamAndClipnorm() {
        check("gru_adam_clipnorm", [Embedding(inputDim: 12, outputDim: 4), GRU(units: 5), Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.05, clipnorm: 0.1), .binaryCrossentropy, [.accuracy])
    }

    func testSparseCategoricalCrossentropyOnASoftmax() {
        check("sparse_categorical_softmax", [Dense(units: 6, activation: .tanh), Dense(units: 3, activation: .softmax)],
              Adam(learningRate: 0.02), .sparseCategoricalCrossentropy, [.accuracy])
    }

    func testALossPerTimestepOnMaskedSequencesCountsOnlyRealSteps() {
        check("masked_sequence_loss", [Embedding(inputDim: 10, outputDim: 4, maskZero: true), LSTM(units: 3, returnSequences: true),
                                       Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.02), .binaryCrossentropy, [.accuracy])
    }

    func testBinaryLabelsOfRankOneWithGRUResettingBefore() {
        check("binary_labels_rank_one", [Embedding(inputDim: 10, outputDim: 4), GRU(units: 4, resetAfter: false),
                                         Dense(units: 1, activation: .sigmoid)],
              Adam(learningRate: 0.02), .binaryCrossentropy, [.accuracy])
    }

    func testCategoricalCrossentropyWithValidationDataAndAnEvaluationOfTwoBatches() {
        check("categorical_validation_data", [Dense(units: 5, activation: .relu), Dense(units: 3, activation: .softmax)],
              AdamW(learningRate: 0.02), .categoricalCrossentropy, [.accuracy])
    }

    func testEarlyStoppingThatNeverStopsRestoresTheBestEpochAtTheEnd() {
        let optimizer = Adagrad(learningRate: 0.5)
        optimizer.learningRateSchedule = ExponentialDecay(initialLearningRate: 0.5, decaySteps: 2, decayRate: 0.5)
        let stopping = EarlyStopping(monitor: "val_accuracy", patience: 10, restoreBestWeights: true)
        check("early_stopping_restores_at_the_end", [Dense(units: 6, activation: .tanh), Dense(units: 1, activation: .sigmoid)],
              optimizer, .binaryCrossentropy, [.accuracy], callbacks: [stopping])
        let expected = Self.goldens["early_stopping_restores_at_the_end"]!["early_stopping"] as! [String: Int]
        XCTAssertEqual(stopping.stoppedEpoch, expected["stopped_epoch"])
        XCTAssertEqual(stopping.bestEpoch, expected["best_epoch"])
    }

    func testSequenceTaggingOnMaskedSequencesWithABidirectionalGRU() {
        check("masked_sequence_tagging", [Embedding(inputDim: 9, outputDim: 4, maskZero: true),
                                          Bidirectional(GRU(units: 3, returnSequences: true)), Dense(units: 3, activation: .softmax)],
              Adam(learningRate: 0.03), .sparseCategoricalCrossentropy, [.accuracy])
    }

    func testASkipGramOfTwoInputsWithClipvalueOnSparseGradients() {
        let target = Embedding(inputDim: 12, outputDim: 5), context = Embedding(inputDim: 12, outputDim: 5)
        let skipGram = Model(layers: [target, context]) { x in
            sigmoid((target(x[0]) * context(x[1])).sum(alongAxes: [-1], keepingDimensions: true))
        }
        check("skip_gram_clipvalue", model: skipGram, Adam(learningRate: 0.05, clipvalue: 0.02), .binaryCrossentropy, [.accuracy])
    }

    func testSGDWithGlobalClipnorm() {
        check("sgd_global_clipnorm", [Embedding(inputDim: 10, outputDim: 4, maskZero: true), LSTM(units: 4),
                                      Dense(units: 1, activation: .sigmoid)],
              SGD(learningRate: 2, globalClipnorm: 0.02), .binaryCrossentropy, [.accuracy])
    }

    // MARK: Harness

    /// `check(_:model:...)` of `layers` stacked in a `Sequential` model, built for the golden's inputs.
    private func check(_ name: String, _ layers: [any Layer], _ optimizer: Optimizer, _ loss: Loss, _ metrics: [Metric],
                       callbacks: [Callback] = [], file: StaticString = #filePath, line: UInt = #line) {
        let model = Sequential(layers)
        let xTrain = Self.inputs(Self.goldens[name]!["x_train"])
        model.build(inputShape: [nil] + xTrain[0].shape.dimensions.dropFirst().map { $0 })
        check(name, model: model, optimizer, loss, metrics, callbacks: callbacks, file: file, line: line)
    }

    /// Sets Keras's initial weights on `model`, fits it as the golden did and compares.
    private func check(_ name: String, model: Model, _ optimizer: Optimizer, _ loss: Loss, _ metrics: [Metric],
                       callbacks: [Callback] = [], file: StaticString = #filePath, line: UInt = #line) {
        let golden = Self.goldens[name]!
        let xTrain = Self.inputs(golden["x_train"]), yTrain = TrainingGoldens.tensor(golden["y_train"])
        if model.weights.isEmpty { _ = model(xTrain) }  // builds a functional model's layers
        try! model.setWeights(TrainingGoldens.tensors(golden["initial_weights"]))
        model.compile(optimizer: optimizer, loss: loss, metrics: metrics)

        let settings = golden["fit"] as! [String: Any]
        var batchLogs: [[String: Float]] = []
        let validationData = golden["x_validation"].map { (Self.inputs($0), TrainingGoldens.tensor(golden["y_validation"])) }
        let history = model.fit(xTrain, yTrain, batchSize: settings["batch_size"] as! Int, epochs: settings["epochs"] as! Int,
                                verbose: 0, validationSplit: settings["validation_split"] as? Double ?? 0,
                                validationData: validationData, shuffle: false,
                                callbacks: [LambdaCallback(onBatchEnd: { _, logs in batchLogs.append(logs) })] + callbacks)

        let expected = golden["history"] as! [String: [Double]]
        XCTAssertEqual(Set(history.history.keys), Set(expected.keys), "\(name): History's keys", file: file, line: line)
        for (key, values) in expected {
            assertClose(history.history[key] ?? [], values.map(Float.init), tolerance: 1e-5, file: file, line: line)
        }
        let expectedBatchLogs = golden["batch_logs"] as! [[String: Double]]
        XCTAssertEqual(batchLogs.count, expectedBatchLogs.count, "\(name): batches", file: file, line: line)
        for (index, (logs, expected)) in zip(batchLogs, expectedBatchLogs).enumerated() {
            XCTAssertEqual(Set(logs.keys), Set(expected.keys), "\(name): batch \(index)'s keys", file: file, line: line)
            for (key, value) in expected {
                XCTAssertEqual(Double(logs[key] ?? .nan), value, accuracy: 1e-5, "\(name): batch \(index)'s \(key)", file: file, line: line)
            }
        }
        let finalWeights = TrainingGoldens.tensors(golden["final_weights"])
        XCTAssertEqual(model.weights.count, finalWeights.count, file: file, line: line)
        for (weight, expected) in zip(model.weights, finalWeights) {
            assertClose(weight, expected, tolerance: 1e-4, file: file, line: line)
        }
        let variables = TrainingGoldens.tensors(golden["final_optimizer_variables"])
        XCTAssertEqual(optimizer.variables.count, variables.count, "\(name): optimizer variables", file: file, line: line)
        for (variable, expected) in zip(optimizer.variables, variables) {
            guard variable.value.scalarCount == expected.scalarCount else {
                XCTFail("\(name): optimizer variable \(variable.name) has shape \(variable.value.shape), Keras's \(expected.shape)", file: file, line: line)
                continue
            }
            assertClose(variable.value.reshaped(to: expected.shape), expected, tolerance: 1e-4, file: file, line: line)
        }

        let xTest = Self.inputs(golden["x_test"]), yTest = TrainingGoldens.tensor(golden["y_test"])
        let scores = model.evaluate(xTest, yTest, verbose: 0)
        let expectedScores = golden["evaluate"] as! [String: Double]
        XCTAssertEqual(Set(scores.keys), Set(expectedScores.keys), "\(name): evaluate's keys", file: file, line: line)
        for (key, value) in expectedScores {
            XCTAssertEqual(Double(scores[key] ?? .nan), value, accuracy: 1e-5, "\(name): evaluate's \(key)", file: file, line: line)
        }
        assertClose(model.predict(xTest, verbose: 0), TrainingGoldens.tensor(golden["predict"]), tolerance: 1e-5, file: file, line: line)
        // (A closure model's summary has no shapes to show, unlike Keras's functional one.)
        guard model is Sequential else { return }
        XCTAssertEqual(Self.withoutNames(model.summaryText()), Self.withoutNames(golden["summary_text_after_fit"] as! String),
                       "\(name): summary", file: file, line: line)
    }

    /// A golden's inputs: one `{shape, values}` array, or a list of them for a model of several inputs.
    private static func inputs(_ object: Any?) -> [Tensor] {
        (object as? [Any]).map(TrainingGoldens.tensors) ?? [TrainingGoldens.tensor(object)]
    }

    /// A summary's text with the model's and layers' names (numbered per program, in Keras and here
    /// alike) left out: each table row's type, shape and parameter count, and every other line.
    private static func withoutNames(_ summary: String) -> [String] {
        summary.split(separator: "\n").filter { !$0.hasPrefix("Model:") }.map { line in
            guard line.hasPrefix("│"), let type = line.firstIndex(of: "(") else { return String(line) }
            return String(line[type...]).split(separator: " ").joined(separator: " ")
        }
    }
}
