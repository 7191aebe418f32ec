import Foundation
import XCTest
@testable import Tensors

/// Every layer against the outputs Keras 3.15.1 computed from the same weights and inputs
/// (Fixtures/keras-goldens.json), all steps and last step, within 1e-5.
final class LayerGoldenTests: XCTestCase {
    static let tolerance: Float = 1e-5
    var goldens: KerasGoldens!

    override func setUpWithError() throws {
        goldens = try KerasGoldens.load()
    }

    func testEmbeddingLooksUpKerasRows() throws {
        let embedding = Embedding(inputDim: 64, outputDim: 100)
        try embedding.setWeights(goldens.weights("embedding"))
        let output = embedding(goldens.inputIds)
        assertClose(output, goldens.tensor(goldens.layers["embedding"]!.output))
    }

    func testSimpleRNNMatchesKerasLastStepAndAllSteps() throws {
        try assertRecurrentMatchesKeras("simple_rnn") { SimpleRNN(units: 64, returnSequences: $0) }
    }

    func testLSTMMatchesKerasLastStepAndAllSteps() throws {
        try assertRecurrentMatchesKeras("lstm") { LSTM(units: 64, returnSequences: $0) }
    }

    func testGRUMatchesKerasLastStepAndAllSteps() throws {
        try assertRecurrentMatchesKeras("gru") { GRU(units: 64, returnSequences: $0) }
    }

    func testBidirectionalSimpleRNNMatchesKeras() throws {
        let layer = Bidirectional(SimpleRNN(units: 64, returnSequences: true))
        try layer.setWeights(goldens.weights("bidirectional"))
        assertClose(layer(goldens.layerInput), goldens.tensor(goldens.layers["bidirectional"]!.output))
    }

    func testWeightsComeOutInKerasOrderWithKerasShapes() throws {
        let cases: [(Layer, String)] = [
            (Embedding(inputDim: 64, outputDim: 100), "embedding"),
            (SimpleRNN(units: 64), "simple_rnn"),
            (LSTM(units: 64), "lstm"),
            (GRU(units: 64), "gru"),
            (Bidirectional(SimpleRNN(units: 64, returnSequences: true)), "bidirectional"),
        ]
        for (layer, name) in cases {
            if layer is Embedding { _ = layer(goldens.inputIds) } else { _ = layer(goldens.layerInput) }
            let expected = goldens.layers[name]!.weights.map { TensorShape($0.shape) }
            XCTAssertEqual(layer.weights.map(\.shape), expected, name)
        }
    }

    func testEmbeddingThenLSTMFromIdsMatchesKeras() throws {
        let embedding = Embedding(inputDim: 64, outputDim: 100)
        let lstm = LSTM(units: 64)
        try embedding.setWeights(goldens.weights("embedding"))
        try lstm.setWeights(goldens.weights("lstm"))
        assertClose(lstm(embedding(goldens.inputIds)), goldens.tensor(goldens.layers["lstm"]!.output))
    }

    private func assertRecurrentMatchesKeras(_ name: String, make: (Bool) -> RecurrentLayer,
                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = goldens.layers[name]!
        let lastStep = make(false)
        try lastStep.setWeights(goldens.weights(name))
        assertClose(lastStep(goldens.layerInput), goldens.tensor(golden.output), file: file, line: line)
        let allSteps = make(true)
        try allSteps.setWeights(goldens.weights(name))
        assertClose(allSteps(goldens.layerInput), goldens.tensor(golden.outputAllSteps!), file: file, line: line)
    }
}

/// Asserts equal shapes and every value within `LayerGoldenTests.tolerance`, reporting the worst difference.
func assertClose(_ actual: Tensor, _ expected: Tensor, tolerance: Float = LayerGoldenTests.tolerance,
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, "shapes differ", file: file, line: line)
    guard actual.shape == expected.shape else { return }
    assertClose(actual.scalars, expected.scalars, tolerance: tolerance, file: file, line: line)
}

/// Asserts equal counts and every value within `tolerance`, reporting the worst difference.
func assertClose(_ actual: [Float], _ expected: [Float], tolerance: Float = LayerGoldenTests.tolerance,
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "counts differ", file: file, line: line)
    let differences = zip(actual, expected).map { abs($0 - $1) }
    if let worst = differences.indices.max(by: { differences[$0] < differences[$1] }) {
        XCTAssertLessThanOrEqual(differences[worst], tolerance,
                                 "value \(worst): \(actual[worst]) vs \(expected[worst])", file: file, line: line)
    }
}

/// The layout of Fixtures/keras-goldens.json (see its `meta`).
struct KerasGoldens: Decodable {
    struct Array: Decodable {
        let shape: [Int]
        let values: [Double]
    }
    struct Weight: Decodable {
        let name: String
        let shape: [Int]
        let values: [Double]
    }
    struct Layer: Decodable {
        let weights: [Weight]
        let output: Array
        let outputAllSteps: Array?

        enum CodingKeys: String, CodingKey {
            case weights, output
            case outputAllSteps = "output_all_steps"
        }
    }

    let input_ids: Array
    let layer_input: Array
    let layers: [String: Layer]

    static func load() throws -> KerasGoldens {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "keras-goldens", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(KerasGoldens.self, from: Data(contentsOf: url))
    }

    var inputIds: Tensor { Tensor(shape: TensorShape(input_ids.shape), integers: input_ids.values.map { Int32($0) }) }
    var layerInput: Tensor { tensor(layer_input) }

    func tensor(_ array: Array) -> Tensor {
        Tensor(shape: TensorShape(array.shape), scalars: array.values.map { Float($0) })
    }

    func weights(_ layer: String) -> [Tensor] {
        layers[layer]!.weights.map { Tensor(shape: TensorShape($0.shape), scalars: $0.values.map { Float($0) }) }
    }
}
