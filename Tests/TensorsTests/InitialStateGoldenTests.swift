import Foundation
import XCTest
import Tensors

/// Recurrent layers started from given states (Keras's `initial_state`), against Keras 3.15.1
/// (Fixtures/keras-initial-state.json, made by make_initial_state_goldens.py there): all steps, the
/// final states, a masked sequence, a backward layer and a Bidirectional one.
final class InitialStateGoldenTests: XCTestCase {
    private struct Array32: Decodable {
        let shape: [Int]
        let values: [Float]
        var tensor: Tensor { Tensor(shape: TensorShape(shape), scalars: values) }
    }

    private struct Case: Decodable {
        let weights: [Array32]
        let initial_state: [Array32]
        let output: [Array32]
        let states: [Array32]
    }

    private struct Goldens: Decodable {
        let input: [Float]
        let mask: [Bool]
        let cases: [String: Case]
    }

    private let goldens: Goldens = {
        let url = Bundle.module.url(forResource: "Fixtures/keras-initial-state", withExtension: "json")!
        return try! JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }()

    private var maskedInput: Tensor {
        Tensor(shape: [3, 5, 4], scalars: goldens.input).withMask(SequenceMask(batchSize: 3, timesteps: 5, isReal: goldens.mask))
    }

    func testLSTMStartsFromGivenStates() throws {
        try assertMatchesKeras(LSTM(units: 6, returnSequences: true, returnState: true), "lstm")
    }

    func testGRUStartsFromGivenState() throws {
        try assertMatchesKeras(GRU(units: 6, returnSequences: true, returnState: true), "gru")
    }

    func testSimpleRNNStartsFromGivenState() throws {
        try assertMatchesKeras(SimpleRNN(units: 6, returnSequences: true, returnState: true), "simple_rnn")
    }

    func testBackwardLSTMStartsFromGivenStates() throws {
        try assertMatchesKeras(LSTM(units: 6, returnSequences: true, returnState: true, goBackwards: true), "lstm_backwards")
    }

    func testBidirectionalTakesForwardThenBackwardStates() throws {
        let layer = Bidirectional(LSTM(units: 6, returnSequences: true, returnState: true))
        let golden = try XCTUnwrap(goldens.cases["bidirectional_lstm"])
        _ = layer.callWithState(maskedInput)
        try layer.setWeights(golden.weights.map(\.tensor))
        let (output, states) = layer.callWithState(maskedInput, initialState: golden.initial_state.map(\.tensor))
        assertClose(output, golden.output[0].tensor)
        XCTAssertEqual(states.count, 4)
        for (state, expected) in zip(states, golden.states) { assertClose(state, expected.tensor) }
    }

    func testPlainCallTakesInitialStateToo() throws {
        let layer = SimpleRNN(units: 6, returnSequences: true)
        let golden = try XCTUnwrap(goldens.cases["simple_rnn"])
        _ = layer(maskedInput)
        try layer.setWeights(golden.weights.map(\.tensor))
        assertClose(layer(maskedInput, initialState: golden.initial_state.map(\.tensor)), golden.output[0].tensor)
        XCTAssertNotEqual(layer(maskedInput).scalars, layer(maskedInput, initialState: golden.initial_state.map(\.tensor)).scalars)
    }

    private func assertMatchesKeras(_ layer: RecurrentLayer, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = try XCTUnwrap(goldens.cases[name], file: file, line: line)
        layer.build(inputDim: 4)
        try layer.setWeights(golden.weights.map(\.tensor))
        let (output, states) = layer.callWithState(maskedInput, initialState: golden.initial_state.map(\.tensor))
        assertClose(output, golden.output[0].tensor, file: file, line: line)
        XCTAssertEqual(states.count, golden.states.count, file: file, line: line)
        for (state, expected) in zip(states, golden.states) { assertClose(state, expected.tensor, file: file, line: line) }
    }
}
