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
                var connected_to: String?
            }
            var name: String
            var model_name: String
            var rows: [Row]
            var line_length: Int?
            var trainable: Int
            var non_trainable: Int
            /// The optimizer's variables once training built them (its `iteration` is an int64).
            var optimizer: Int?
            var text: String
        }
        var cases: [Case]
    }

    private func goldens() throws -> [String: Goldens.Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/keras-summaries", withExtension: "json"))
        let cases = try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url)).cases
        return Dictionary(uniqueKeysWithValues: cases.map { ($0.name, $0) })
    }

    func testTextMatchesKerasForUnbuiltBuiltNarrowLongNamedAndFunctionalModels() throws {
        let goldens = try goldens()
        XCTAssertEqual(goldens.count, 21)
        for golden in goldens.values {
            let summary = ModelSummary(
                modelName: golden.model_name,
                rows: golden.rows.map { .init(name: $0.name, typeName: $0.type, outputShape: $0.shape, parameterCount: $0.params,
                                              connectedTo: $0.connected_to) },
                trainable: .init(parameters: golden.trainable, bytes: 4 * golden.trainable),
                nonTrainable: .init(parameters: golden.non_trainable, bytes: 4 * golden.non_trainable),
                optimizer: golden.optimizer.map { .init(parameters: $0, bytes: 4 * $0 + 4) })
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

    func testFunctionalModelsSummariseThemselvesAsKerasDoes() throws {
        let goldens = try goldens()
        let first = Input(shape: [5], dtype: .int32, name: "first"), second = Input(shape: [5], dtype: .int32, name: "second")
        let embedding = Embedding(inputDim: 20, outputDim: 6, name: "embedding"), encoder = LSTM(units: 4, name: "lstm")
        let joined = Add(name: "add")([encoder(embedding(first)), encoder(embedding(second))])
        let shared = Model(inputs: [first, second], outputs: Dense(units: 1, activation: .sigmoid, name: "dense")(joined), name: "functional")
        XCTAssertEqual(shared.summaryText(), goldens["functional_shared_layers"]?.text)

        let words = Input(shape: [6], name: "a_rather_long_input_name_that_wraps")
        let left = Dense(units: 3, name: "dense_layer_with_a_long_name")(words), right = Dense(units: 3, name: "dense")(words)
        let wide = Model(inputs: words, outputs: Concatenate(name: "concatenate_the_two_branches")([left, right]), name: "wide_and_deep")
        XCTAssertEqual(wide.summaryText(), goldens["functional_long_names"]?.text)

        // A chain of single calls is summarised like a Sequential model, InputLayer first.
        let ids = Input(shape: [nil], dtype: .int32, name: "input_layer")
        let sequence = Bidirectional(LSTM(units: 5, returnSequences: true), name: "bidirectional")(Embedding(inputDim: 100, outputDim: 8, name: "embedding")(ids))
        let chain = Model(inputs: ids, outputs: Dense(units: 1, name: "dense")(sequence), name: "functional")
        XCTAssertEqual(chain.summaryText(), goldens["functional_bidirectional_chain"]?.text)

        let tokens = Input(shape: [7], dtype: .int32, name: "input_layer")
        let (output, states) = LSTM(units: 4, returnState: true, name: "lstm").callWithState(Embedding(inputDim: 30, outputDim: 3, name: "embedding")(tokens))
        let withStates = Model(inputs: tokens, outputs: Concatenate(name: "concatenate")([output] + states), name: "functional")
        XCTAssertEqual(withStates.summaryText(), goldens["functional_lstm_states"]?.text)

        // A decoder started from the encoder's states is connected to all three tensors.
        let encoderInput = Input(shape: [5, 3], name: "encoder_input"), decoderInput = Input(shape: [4, 3], name: "decoder_input")
        let encoded = LSTM(units: 6, returnState: true, name: "encoder").callWithState(encoderInput)
        let decoded = LSTM(units: 6, returnSequences: true, name: "decoder")(decoderInput, initialState: encoded.states)
        let seq2seq = Model(inputs: [encoderInput, decoderInput], outputs: Dense(units: 2, name: "dense")(decoded), name: "seq2seq")
        XCTAssertEqual(seq2seq.summaryText(), goldens["functional_encoder_decoder"]?.text)

        // A functional model called inside another is one row, `Functional`.
        let a = Input(shape: [3], name: "a"), b = Input(shape: [3], name: "b")
        let inner = Model(inputs: [a, b], outputs: Add(name: "add")([Dense(units: 2, name: "dense")(a), Dense(units: 2, name: "dense_1")(b)]),
                          name: "functional")
        let x = Input(shape: [3], name: "x"), y = Input(shape: [3], name: "y")
        let outer = Model(inputs: [x, y], outputs: Dense(units: 1, name: "dense_2")(inner([x, y])), name: "outer")
        XCTAssertEqual(outer.summaryText(), goldens["functional_nested"]?.text)
        XCTAssertEqual(outer.weightNames, ["dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"])
    }

    func testAMaskingEmbeddingAddsKerasNotEqualRowWhereALayerReadsTheMask() throws {
        let goldens = try goldens()
        // Keras's own names, as after clear_session(): the NotEqual operation cannot be named.
        LayerName.reset()
        let ids = Input(shape: [5], dtype: .int32, name: "input_layer")
        let embedded = Embedding(inputDim: 10, outputDim: 4, maskZero: true, name: "embedding")(ids)
        let stacked = LSTM(units: 2, name: "lstm")(LSTM(units: 3, returnSequences: true, name: "lstm_1")(embedded))
        let stack = Model(inputs: ids, outputs: Dense(units: 1, name: "dense")(stacked), name: "functional")
        XCTAssertEqual(stack.summaryText(), goldens["functional_masked_lstm_stack"]?.text)
        XCTAssertEqual(stack.layers.map(\.name), ["input_layer", "embedding", "lstm_1", "lstm", "dense"], "operations are not layers")

        // Given initial states the LSTM has several tensor arguments, so Keras passes it no mask,
        // but its sequence output carries the mask on to the Bidirectional layer.
        LayerName.reset()
        let tokens = Input(shape: [5], dtype: .int32, name: "input_layer")
        let h0 = Input(shape: [3], name: "input_layer_1"), c0 = Input(shape: [3], name: "input_layer_2")
        let projected = Dropout(rate: 0.1, name: "dropout")(Dense(units: 2, name: "dense")(
            Embedding(inputDim: 10, outputDim: 4, maskZero: true, name: "embedding")(tokens)))
        let started = LSTM(units: 3, returnSequences: true, name: "lstm")(projected, initialState: [h0, c0])
        let merged = Bidirectional(GRU(units: 2), name: "bidirectional")(started)
        let withStates = Model(inputs: [tokens, h0, c0], outputs: merged, name: "functional")
        XCTAssertEqual(withStates.summaryText(), goldens["functional_masked_initial_state"]?.text)

        // A mask no layer reads stays out of the graph, which is then a chain.
        LayerName.reset()
        let words = Input(shape: [5], dtype: .int32, name: "input_layer")
        let dense = Dense(units: 2, name: "dense")(Embedding(inputDim: 10, outputDim: 4, maskZero: true, name: "embedding")(words))
        let chain = Model(inputs: words, outputs: dense, name: "functional")
        XCTAssertEqual(chain.summaryText(), goldens["functional_masked_dense_chain"]?.text)
    }

    func testAddAndMultiplyCombineMasksWithKerasLogicalOrRows() throws {
        let goldens = try goldens()
        LayerName.reset()
        var first = Input(shape: [4], dtype: .int32, name: "input_layer"), second = Input(shape: [4], dtype: .int32, name: "input_layer_1")
        var x = Embedding(inputDim: 10, outputDim: 3, maskZero: true, name: "embedding")(first)
        var y = Embedding(inputDim: 10, outputDim: 3, maskZero: true, name: "embedding_1")(second)
        let added = Dense(units: 3, name: "dense")(Add(name: "add")([x, y]))
        let adding = Model(inputs: [first, second], outputs: LSTM(units: 2, name: "lstm")(added), name: "functional")
        XCTAssertEqual(adding.summaryText(), goldens["functional_masked_add"]?.text)
        XCTAssertEqual(adding.layers.count, 7, "LogicalOr and NotEqual are not layers")

        LayerName.reset()
        first = Input(shape: [4], dtype: .int32, name: "input_layer")
        second = Input(shape: [4], dtype: .int32, name: "input_layer_1")
        x = Embedding(inputDim: 10, outputDim: 3, maskZero: true, name: "embedding")(first)
        y = Embedding(inputDim: 10, outputDim: 3, maskZero: true, name: "embedding_1")(second)
        let product = GRU(units: 2, name: "gru")(Multiply(name: "multiply")([x, y, x]))
        let multiplying = Model(inputs: [first, second], outputs: product, name: "functional")
        XCTAssertEqual(multiplying.summaryText(), goldens["functional_masked_multiply_three"]?.text)

        // With an unmasked input the sum has no mask: the NotEqual nothing reads is left out.
        LayerName.reset()
        first = Input(shape: [4], dtype: .int32, name: "input_layer")
        second = Input(shape: [4], dtype: .int32, name: "input_layer_1")
        x = Embedding(inputDim: 10, outputDim: 3, maskZero: true, name: "embedding")(first)
        y = Embedding(inputDim: 10, outputDim: 3, name: "embedding_1")(second)
        let halfMasked = Model(inputs: [first, second], outputs: LSTM(units: 2, name: "lstm")(Add(name: "add")([x, y])), name: "functional")
        XCTAssertEqual(halfMasked.summaryText(), goldens["functional_half_masked_add"]?.text)
    }

    func testConcatenateBuildsItsMaskWithKerasOperations() throws {
        let goldens = try goldens()
        LayerName.reset()
        let ids = Input(shape: [5], dtype: .int32, name: "input_layer")
        let embedded = Embedding(inputDim: 10, outputDim: 4, maskZero: true, name: "embedding")(ids)
        // Named by the counter, as Keras names it, so that its mask's operation is `concatenate_1`.
        let both = Concatenate()([LSTM(units: 3, returnSequences: true, name: "lstm")(embedded),
                                                     LSTM(units: 3, returnSequences: true, goBackwards: true, name: "lstm_1")(embedded)])
        let model = Model(inputs: ids, outputs: LSTM(units: 2, name: "lstm_2")(both), name: "functional")
        XCTAssertEqual(model.summaryText(), goldens["functional_masked_concatenate"]?.text)
        XCTAssertEqual(model.layers.map(\.name), ["input_layer", "embedding", "lstm", "lstm_1", "concatenate", "lstm_2"])
        let batch = Tensor(shape: [2, 5], integers: [3, 1, 4, 0, 0, 2, 7, 0, 0, 0])
        let embeddedBatch = model.layers[1](batch)
        let eager = model.layers[5](Concatenate()([model.layers[2](embeddedBatch), model.layers[3](embeddedBatch)]))
        XCTAssertEqual(model(batch), eager, "the model runs with the masks its tensors carry, as eager calls do")

        // An unmasked input counts as real: `ones_like` of it, joined along the steps.
        LayerName.reset()
        let tokens = Input(shape: [5], dtype: .int32, name: "input_layer"), features = Input(shape: [5, 2], name: "input_layer_1")
        let joined = Concatenate(axis: 1)([Embedding(inputDim: 10, outputDim: 2, maskZero: true, name: "embedding")(tokens), features])
        let steps = Model(inputs: [tokens, features], outputs: GRU(units: 2, name: "gru")(joined), name: "functional")
        XCTAssertEqual(steps.summaryText(), goldens["functional_half_masked_concatenate_steps"]?.text)
    }

    func testAModelBuiltFromDataShowsThatBatchsSizeAsKerasDoes() {
        let model = Sequential([Embedding(inputDim: 20, outputDim: 8), LSTM(units: 6)])
        _ = model(Tensor(shape: [16, 7], integers: [Int32](repeating: 3, count: 112)))
        _ = model(Tensor(shape: [2, 7], integers: [Int32](repeating: 3, count: 14)))
        XCTAssertTrue(model.summaryText().contains("│ (16, 7, 8)             │           160 │"), model.summaryText())
    }
}
