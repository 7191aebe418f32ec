import Foundation
import XCTest
@testable import Tensors

/// Recurrent layers against a plain-loop reference (written from Keras's formulas in `ReferenceRNN`),
/// with random biases and sizes that exercise the partial-vector tails, plus the hand-checkable
/// properties of returnState, goBackwards and masking.
final class LayerRecurrentTests: XCTestCase {
    override func setUp() {
        setRandomSeed(7)
    }

    func testSimpleRNNWithBiasMatchesReference() throws {
        try assertMatchesReference(SimpleRNN(units: 20, activation: .relu, returnSequences: true), kind: .simpleRNN)
    }

    func testLSTMWithBiasAndHardSigmoidMatchesReference() throws {
        try assertMatchesReference(LSTM(units: 21, recurrentActivation: .hardSigmoid, returnSequences: true), kind: .lstm)
    }

    func testLSTMWithReluActivationMatchesReference() throws {
        try assertMatchesReference(LSTM(units: 17, activation: .relu, returnSequences: true), kind: .lstm)
    }

    func testLayersWithActivationsOutsideTheCKernelsMatchReference() throws {
        try assertMatchesReference(LSTM(units: 9, activation: .elu, recurrentActivation: .hardSilu, returnSequences: true), kind: .lstm)
        try assertMatchesReference(GRU(units: 8, activation: .softsign, recurrentActivation: .sparseSigmoid, returnSequences: true),
                                   kind: .gru(resetAfter: true))
        try assertMatchesReference(SimpleRNN(units: 7, activation: .gelu, returnSequences: true), kind: .simpleRNN)
    }

    func testGRUResetAfterWithBiasMatchesReference() throws {
        try assertMatchesReference(GRU(units: 18, returnSequences: true), kind: .gru(resetAfter: true))
    }

    func testGRUResetBeforeMatchesReference() throws {
        let gru = GRU(units: 19, returnSequences: true, resetAfter: false)
        try assertMatchesReference(gru, kind: .gru(resetAfter: false))
        XCTAssertEqual(gru.weights.map(\.shape), [[7, 57], [19, 57], [57]])
    }

    func testLayersWithoutBiasHaveNoBiasWeightAndMatchReference() throws {
        let lstm = LSTM(units: 16, useBias: false, returnSequences: true)
        try assertMatchesReference(lstm, kind: .lstm)
        XCTAssertEqual(lstm.weights.map(\.shape), [[7, 64], [16, 64]])
    }

    func testReturnStateGivesLastOutputAndCellState() throws {
        let input = Tensor.randomNormal(shape: [3, 6, 7])
        let lstm = LSTM(units: 16, returnState: true)
        let (output, states) = lstm.callWithState(input)
        XCTAssertEqual(states.count, 2)
        XCTAssertEqual(states[0].scalars, output.scalars, "h is the last output")
        let reference = ReferenceRNN(kind: .lstm, weights: lstm.weights, activation: .tanh, recurrentActivation: .sigmoid)
        let expected = reference.run(input.scalars, batchSize: 3, timesteps: 6)
        assertClose(states[1], Tensor(shape: [3, 16], scalars: expected.finalStates[1]))

        let gru = GRU(units: 16, returnState: true)
        let gruResult = gru.callWithState(input)
        XCTAssertEqual(gruResult.states.map(\.scalars), [gruResult.output.scalars])
    }

    func testGoBackwardsEqualsForwardRunOnReversedTimeInProcessingOrder() throws {
        let input = Tensor.randomNormal(shape: [2, 5, 7])
        let backwards = GRU(units: 17, returnSequences: true, goBackwards: true)
        let output = backwards(input)
        let forward = GRU(units: 17, returnSequences: true)
        try forward.setWeights(backwards.weights)
        assertClose(output, forward(reversingTime(input)))
    }

    func testMaskedTrailingStepsKeepTheStateOfTheRealPrefix() throws {
        let ids = Tensor(shape: [2, 6], integers: [4, 2, 7, 0, 0, 0,
                                                   3, 5, 1, 6, 2, 8])
        let embedding = Embedding(inputDim: 10, outputDim: 7, maskZero: true)
        let lstm = LSTM(units: 16, returnSequences: true, returnState: true)
        let (sequence, states) = lstm.callWithState(embedding(ids))

        let prefix = LSTM(units: 16, returnSequences: true, returnState: true)
        try prefix.setWeights(lstm.weights)
        let (prefixSequence, prefixStates) = prefix.callWithState(embedding(Tensor(shape: [1, 3], integers: [4, 2, 7])))

        let u = 16
        let firstRow = Array(sequence.scalars[0..<(6 * u)])
        assertClose(Array(firstRow[0..<(3 * u)]), prefixSequence.scalars)
        let lastReal = Array(prefixSequence.scalars[(2 * u)...])
        for step in 3..<6 {
            XCTAssertEqual(Array(firstRow[(step * u)..<((step + 1) * u)]), lastReal,
                           "masked step \(step) repeats the last real output")
        }
        assertClose(Array(states[0].scalars[0..<u]), prefixStates[0].scalars)
        assertClose(Array(states[1].scalars[0..<u]), prefixStates[1].scalars)
        XCTAssertEqual(sequence.mask, embedding(ids).mask, "a sequence output carries the mask on")
    }

    func testMaskedLeadingStepsStartFromZeroState() throws {
        let embedding = Embedding(inputDim: 10, outputDim: 7, maskZero: true)
        let rnn = SimpleRNN(units: 16, returnSequences: true)
        let output = rnn(embedding(Tensor(shape: [1, 4], integers: [0, 0, 3, 5])))
        XCTAssertEqual(Array(output.scalars[0..<32]), [Float](repeating: 0, count: 32), "masked steps before any real one output zeros")

        let unpadded = SimpleRNN(units: 16, returnSequences: true)
        try unpadded.setWeights(rnn.weights)
        assertClose(Array(output.scalars[32...]), unpadded(embedding(Tensor(shape: [1, 2], integers: [3, 5]))).scalars)
    }

    func testMaskIsIgnoredWhenEmbeddingDoesNotMaskZero() throws {
        let embedding = Embedding(inputDim: 10, outputDim: 7)
        XCTAssertNil(embedding(Tensor(shape: [1, 3], integers: [1, 0, 0])).mask)
    }

    func testSameSeedBuildsSameWeights() {
        setRandomSeed(99)
        let first = LSTM(units: 8)
        _ = first(Tensor(shape: [1, 2, 3], scalars: [Float](repeating: 0.5, count: 6)))
        setRandomSeed(99)
        let second = LSTM(units: 8)
        _ = second(Tensor(shape: [1, 2, 3], scalars: [Float](repeating: 0.5, count: 6)))
        XCTAssertEqual(first.weights.map(\.scalars), second.weights.map(\.scalars))
        XCTAssertEqual(Array(first.weights[2].scalars[8..<16]), [Float](repeating: 1, count: 8), "unit forget bias")
        XCTAssertEqual(Array(first.weights[2].scalars[0..<8]) + Array(first.weights[2].scalars[16...]),
                       [Float](repeating: 0, count: 24))
    }

    // MARK: Helpers

    /// Gives the layer random weights (including the bias), then compares all steps and the
    /// last step with the reference.
    private func assertMatchesReference(_ layer: RecurrentLayer, kind: ReferenceRNN.Kind,
                                        file: StaticString = #filePath, line: UInt = #line) throws {
        let batchSize = 3, timesteps = 5, features = 7
        let input = Tensor.randomNormal(shape: [batchSize, timesteps, features])
        layer.build(inputDim: features)
        try layer.setWeights(layer.weights.map { Tensor.randomUniform(shape: $0.shape, minValue: -0.5, maxValue: 0.5) })
        let recurrentActivation = (layer as? LSTM)?.recurrentActivation ?? (layer as? GRU)?.recurrentActivation ?? .sigmoid
        let reference = ReferenceRNN(kind: kind, weights: layer.weights, activation: layer.activation,
                                     recurrentActivation: recurrentActivation)
        let expected = reference.run(input.scalars, batchSize: batchSize, timesteps: timesteps)
        assertClose(layer(input), Tensor(shape: [batchSize, timesteps, layer.units], scalars: expected.sequence),
                        file: file, line: line)
        assertClose(layer.callWithState(input).states[0], Tensor(shape: [batchSize, layer.units], scalars: expected.finalStates[0]),
                        file: file, line: line)
    }
}

/// `input` (batch, timesteps, features) with its timestep axis reversed.
func reversingTime(_ input: Tensor) -> Tensor {
    let b = input.shape[0], t = input.shape[1], f = input.shape[2]
    let x = input.scalars
    var reversed = x
    for row in 0..<b {
        for step in 0..<t {
            for k in 0..<f { reversed[(row * t + step) * f + k] = x[(row * t + (t - 1 - step)) * f + k] }
        }
    }
    return Tensor(shape: input.shape, scalars: reversed)
}

/// A deliberately plain implementation of Keras's SimpleRNN, LSTM and GRU cells in Double:
/// loops over every index, no GEMM, no vectors, written straight from the Keras formulas.
struct ReferenceRNN {
    enum Kind { case simpleRNN, lstm, gru(resetAfter: Bool) }

    let kind: Kind
    let weights: [Tensor]
    let activation: Activation
    let recurrentActivation: Activation

    var units: Int { weights[1].shape[0] }

    func run(_ input: [Float], batchSize: Int, timesteps: Int) -> (sequence: [Float], finalStates: [[Float]]) {
        let features = weights[0].shape[0], u = units
        var sequence = [Float](repeating: 0, count: batchSize * timesteps * u)
        var finalH: [Float] = [], finalC: [Float] = []
        for b in 0..<batchSize {
            var h = [Double](repeating: 0, count: u), c = [Double](repeating: 0, count: u)
            for t in 0..<timesteps {
                let x = (0..<features).map { Double(input[(b * timesteps + t) * features + $0]) }
                (h, c) = step(x: x, h: h, c: c)
                for j in 0..<u { sequence[(b * timesteps + t) * u + j] = Float(h[j]) }
            }
            finalH += h.map(Float.init)
            finalC += c.map(Float.init)
        }
        if case .lstm = kind { return (sequence, [finalH, finalC]) }
        return (sequence, [finalH])
    }

    private func step(x: [Double], h: [Double], c: [Double]) -> ([Double], [Double]) {
        let u = units
        let kernel = weights[0].scalars, recurrent = weights[1].scalars
        let bias = weights.count > 2 ? weights[2].scalars.map(Double.init) : []
        let width = weights[0].shape[1]
        func xW(_ column: Int) -> Double { (0..<x.count).reduce(0) { $0 + x[$1] * Double(kernel[$1 * width + column]) } }
        func hU(_ vector: [Double], _ column: Int) -> Double {
            (0..<u).reduce(0) { $0 + vector[$1] * Double(recurrent[$1 * width + column]) }
        }
        func b(_ index: Int) -> Double { bias.isEmpty ? 0 : bias[index] }
        func act(_ v: Double) -> Double { Double(activation(Float(v))) }
        func rec(_ v: Double) -> Double { Double(recurrentActivation(Float(v))) }

        switch kind {
        case .simpleRNN:
            return ((0..<u).map { act(xW($0) + b($0) + hU(h, $0)) }, c)
        case .lstm:
            var newH = h, newC = c
            for j in 0..<u {
                let z = (0..<4).map { gate in xW(gate * u + j) + b(gate * u + j) + hU(h, gate * u + j) }
                newC[j] = rec(z[1]) * c[j] + rec(z[0]) * act(z[2])
                newH[j] = rec(z[3]) * act(newC[j])
            }
            return (newH, newC)
        case .gru(let resetAfter):
            var newH = h
            if resetAfter {
                for j in 0..<u {
                    let z = rec(xW(j) + b(j) + hU(h, j) + b(3 * u + j))
                    let r = rec(xW(u + j) + b(u + j) + hU(h, u + j) + b(4 * u + j))
                    let hh = act(xW(2 * u + j) + b(2 * u + j) + r * (hU(h, 2 * u + j) + b(5 * u + j)))
                    newH[j] = z * h[j] + (1 - z) * hh
                }
            } else {
                let r = (0..<u).map { rec(xW(u + $0) + b(u + $0) + hU(h, u + $0)) }
                let resetH = (0..<u).map { r[$0] * h[$0] }
                for j in 0..<u {
                    let z = rec(xW(j) + b(j) + hU(h, j))
                    let hh = act(xW(2 * u + j) + b(2 * u + j) + hU(resetH, 2 * u + j))
                    newH[j] = z * h[j] + (1 - z) * hh
                }
            }
            return (newH, c)
        }
    }
}
