import XCTest
@testable import Tensors

/// Bidirectional against its definition: a forward layer and a backward layer run by hand on the
/// same weights, merged per mode.
final class LayerBidirectionalTests: XCTestCase {
    let input = { () -> Tensor in
        setRandomSeed(11)
        return Tensor.randomNormal(shape: [2, 4, 5])
    }()

    func testMergeModesCombineForwardAndReReversedBackwardOutputs() throws {
        for mode in Bidirectional.MergeMode.allCases {
            setRandomSeed(3)
            let layer = Bidirectional(LSTM(units: 6, returnSequences: true), mergeMode: mode)
            let output = layer(input)
            let (forward, backward) = try halves(of: layer, returnSequences: true)
            let f = forward(input).scalars
            let b = reversingTime(backward(input)).scalars
            let expected: [Float]
            switch mode {
            case .concat:
                expected = stride(from: 0, to: f.count, by: 6).flatMap { Array(f[$0..<($0 + 6)]) + Array(b[$0..<($0 + 6)]) }
            case .sum: expected = zip(f, b).map { $0 + $1 }
            case .ave: expected = zip(f, b).map { ($0 + $1) / 2 }
            case .mul: expected = zip(f, b).map { $0 * $1 }
            }
            XCTAssertEqual(output.shape, mode == .concat ? [2, 4, 12] : [2, 4, 6], "\(mode)")
            assertClose(output.scalars, expected)
        }
    }

    func testLastStepOutputConcatenatesForwardEndAndBackwardEnd() throws {
        let layer = Bidirectional(GRU(units: 5))
        let output = layer(input)
        let (forward, backward) = try halves(of: layer, returnSequences: false)
        let f = forward(input).scalars, b = backward(input).scalars
        XCTAssertEqual(output.shape, [2, 10])
        assertClose(output.scalars, Array(f[0..<5]) + Array(b[0..<5]) + Array(f[5...]) + Array(b[5...]))
    }

    func testReturnStateListsForwardStatesThenBackwardStates() throws {
        let layer = Bidirectional(LSTM(units: 3, returnState: true))
        let (_, states) = layer.callWithState(input)
        let (forward, backward) = try halves(of: layer, returnSequences: false, returnState: true)
        let expected = forward.callWithState(input).states + backward.callWithState(input).states
        XCTAssertEqual(states.count, 4)
        for (state, reference) in zip(states, expected) { assertClose(state, reference) }
    }

    func testWeightsAreForwardThenBackward() {
        let layer = Bidirectional(SimpleRNN(units: 4, returnSequences: true))
        _ = layer(input)
        XCTAssertEqual(layer.weights.count, 6)
        XCTAssertEqual(Array(layer.weights[0..<3].map(\.scalars)), layer.forwardLayer.weights.map(\.scalars))
        XCTAssertEqual(Array(layer.weights[3...].map(\.scalars)), layer.backwardLayer.weights.map(\.scalars))
        XCTAssertNotEqual(layer.weights[0].scalars, layer.weights[3].scalars, "the halves draw their own weights")
        XCTAssertTrue(layer.backwardLayer.goBackwards)
    }

    func testALayerThatRunsBackwardsOrWasCalledIsRefusedAsKerasRefusesIt() throws {
        XCTAssertNoThrow(try Bidirectional.validate(wrapping: LSTM(units: 2)))
        XCTAssertThrowsError(try Bidirectional.validate(wrapping: LSTM(units: 2, goBackwards: true))) { error in
            XCTAssertTrue("\(error)".hasPrefix("Bidirectional: wrap a layer that runs forwards; LSTM("), "\(error)")
        }
        let called = GRU(units: 2)
        _ = called(Tensor(zeros: [1, 3, 4]))
        XCTAssertThrowsError(try Bidirectional.validate(wrapping: called)) { error in
            XCTAssertTrue("\(error)".contains("has already been called"), "\(error)")
        }
    }

    func testMaskedStepsOutputZerosInSequenceOutput() {
        let embedding = Embedding(inputDim: 9, outputDim: 5, maskZero: true)
        let layer = Bidirectional(SimpleRNN(units: 4, returnSequences: true))
        let output = layer(embedding(Tensor(shape: [1, 4], integers: [3, 8, 0, 0])))
        XCTAssertEqual(Array(output.scalars[16...]), [Float](repeating: 0, count: 16))
        XCTAssertFalse(output.scalars[0..<16].allSatisfy { $0 == 0 })
        XCTAssertEqual(output.mask?.isReal, [true, true, false, false])
    }

    /// Standalone copies of the two halves of `layer` with its weights: a forward and a goBackwards layer.
    private func halves(of layer: Bidirectional, returnSequences: Bool, returnState: Bool = false) throws -> (RecurrentLayer, RecurrentLayer) {
        let forward = layer.forwardLayer.reversedCopy().reversedCopy()
        let backward = layer.forwardLayer.reversedCopy()
        try forward.setWeights(layer.forwardLayer.weights)
        try backward.setWeights(layer.backwardLayer.weights)
        XCTAssertEqual(forward.returnSequences, returnSequences)
        XCTAssertEqual(backward.returnState, returnState)
        return (forward, backward)
    }
}
