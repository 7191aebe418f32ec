import Foundation
import XCTest
@testable import Tensors

/// The summary's text against Keras 3.15.1's, byte for byte, from the same rows
/// (Fixtures/keras-summaries.json, made by Fixtures/make_summary_goldens.py, and the fit golden).
final class ModelSummaryTests: XCTestCase {
    private struct Goldens: Decodable {
        struct Case: Decodable {
            struct Row: Decodable {
                var name: String
                var type: String
                var shape: String
                var params: Int?
            }
            var name: String
            var model_name: String
            var rows: [Row]
            var line_length: Int?
            var trainable: Int
            var non_trainable: Int
            var text: String
        }
        var cases: [Case]
    }

    private func goldens() throws -> [String: Goldens.Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/keras-summaries", withExtension: "json"))
        let cases = try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url)).cases
        return Dictionary(uniqueKeysWithValues: cases.map { ($0.name, $0) })
    }

    func testTextMatchesKerasForUnbuiltBuiltNarrowAndLongNamedModels() throws {
        let goldens = try goldens()
        XCTAssertEqual(goldens.count, 4)
        for golden in goldens.values {
            let summary = ModelSummary(
                modelName: golden.model_name,
                rows: golden.rows.map { .init(name: $0.name, typeName: $0.type, outputShape: $0.shape, parameterCount: $0.params) },
                trainable: .init(parameters: golden.trainable, bytes: 4 * golden.trainable),
                nonTrainable: .init(parameters: golden.non_trainable, bytes: 4 * golden.non_trainable))
            XCTAssertEqual(summary.text(lineLength: golden.line_length ?? Model.summaryLineLength), golden.text, golden.name)
        }
    }

    func testOptimizerParametersJoinTheTotalAfterTraining() {
        let summary = ModelSummary(
            modelName: "sequential",
            rows: [.init(name: "dense", typeName: "Dense", outputShape: ModelSummary.shapeText([nil, 1]), parameterCount: 7)],
            trainable: .init(parameters: 527, bytes: 2108), nonTrainable: .init(),
            optimizer: .init(parameters: 1056, bytes: 4228))
        XCTAssertTrue(summary.text(lineLength: Model.summaryLineLength).hasSuffix("""
             Total params: 1,583 (6.19 KB)
             Trainable params: 527 (2.06 KB)
             Non-trainable params: 0 (0.00 B)
             Optimizer params: 1,056 (4.13 KB)

            """), summary.text(lineLength: Model.summaryLineLength))
        XCTAssertTrue(summary.text(lineLength: Model.summaryLineLength).contains("│ dense (Dense)                   │ (None, 1)              │             7 │"))
    }

    func testCountsAreGroupedAndSizesUseBinaryUnits() {
        XCTAssertEqual(ModelSummary.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(ModelSummary.grouped(999), "999")
        XCTAssertEqual(ModelSummary.readableSize(1023), "1023.00 B")
        XCTAssertEqual(ModelSummary.readableSize(2_844_932), "2.71 MB")
    }

    func testASequentialModelSummarisesItselfAsKerasDoesBeforeAndAfterBuilding() throws {
        let goldens = try goldens()
        let unbuilt = Sequential([Embedding(inputDim: 20, outputDim: 8, name: "embedding"), LSTM(units: 6, name: "lstm"),
                                  Dense(units: 1, activation: .sigmoid, name: "dense")], name: "sequential")
        XCTAssertEqual(unbuilt.summaryText(), goldens["unbuilt"]?.text)

        let model = Sequential([
            Embedding(inputDim: 10000, outputDim: 64, maskZero: true, name: "embedding_1"),
            Bidirectional(LSTM(units: 64, returnSequences: true), name: "bidirectional"),
            SimpleRNN(units: 32, name: "simple_rnn"),
            Dense(units: 1, activation: .sigmoid, name: "dense_1"),
        ], name: "sequential_1")
        model.build(inputShape: [nil, 100])
        XCTAssertEqual(model.summaryText(), goldens["built_bidirectional"]?.text)
        XCTAssertEqual(model.summaryText(lineLength: 40), goldens["narrow_wraps_cells"]?.text)
    }

    func testAModelBuiltFromDataShowsThatBatchsSizeAsKerasDoes() {
        let model = Sequential([Embedding(inputDim: 20, outputDim: 8), LSTM(units: 6)])
        _ = model(Tensor(shape: [16, 7], integers: [Int32](repeating: 3, count: 112)))
        _ = model(Tensor(shape: [2, 7], integers: [Int32](repeating: 3, count: 14)))
        XCTAssertTrue(model.summaryText().contains("│ (16, 7, 8)             │           160 │"), model.summaryText())
    }
}
