import XCTest
@testable import Tensors

/// The recurrent layers' gradients (input, initial states, every weight) against central differences
/// of a float64 reference (`RecurrentReference`), on small random configurations of every option:
/// masks (a sequence masked at its start, middle and end), go_backwards, return_sequences,
/// return_state, initial states, zero_output_for_mask, activations that need their inputs to be
/// differentiated, GRU's reset_after both ways and Bidirectional's merge modes; and in training with
/// dropout and recurrent dropout, on the masks the call drew (the reference reads them back from
/// the same seed).
final class RecurrentFiniteDifferenceTests: XCTestCase {
    static let batch = 3, timesteps = 4, features = 2, units = 3
    /// Row 0 is all real; row 1 is masked at its start and middle; row 2 at its end.
    static let mask = [true, true, true, true,
                       false, true, false, true,
                       true, true, false, false]

    struct Options {
        var returnSequences = false
        var returnState = false
        var goBackwards = false
        var masked = false
        var initialState = false
        var zeroOutputForMask = false
        var activation = Activation.tanh
        var recurrentActivation = Activation.sigmoid
        var dropout: Float = 0
        var recurrentDropout: Float = 0
    }

    func testSimpleRNNLastOutput() { check(.simpleRNN, Options()) }
    func testSimpleRNNSequenceBackwardsMaskedFromInitialState() {
        check(.simpleRNN, Options(returnSequences: true, goBackwards: true, masked: true, initialState: true))
    }
    func testSimpleRNNWithAnActivationDifferentiatedFromItsInput() {
        check(.simpleRNN, Options(returnSequences: true, masked: true, activation: .softsign))
    }
    func testLSTMLastOutputAndStatesMaskedFromInitialState() {
        check(.lstm, Options(returnState: true, masked: true, initialState: true))
    }
    func testLSTMSequenceBackwardsWithZeroOutputForMask() {
        check(.lstm, Options(returnSequences: true, returnState: true, goBackwards: true, masked: true, zeroOutputForMask: true))
    }
    func testLSTMWithGELUAndSiLUActivations() {
        check(.lstm, Options(returnSequences: true, initialState: true, activation: .gelu, recurrentActivation: .silu))
    }
    func testGRUResettingAfterMaskedBackwardsWithStates() {
        check(.gru(resetAfter: true), Options(returnState: true, goBackwards: true, masked: true, initialState: true))
    }
    func testGRUResettingAfterSequence() {
        check(.gru(resetAfter: true), Options(returnSequences: true, masked: true, activation: .softsign))
    }
    func testGRUResettingBeforeMaskedWithStates() {
        check(.gru(resetAfter: false), Options(returnSequences: true, returnState: true, masked: true, initialState: true))
    }
    func testGRUResettingBeforeBackwardsLastOutput() {
        check(.gru(resetAfter: false), Options(goBackwards: true, activation: .gelu))
    }

    func testSimpleRNNWithBothDropoutsMaskedBackwardsFromInitialState() {
        check(.simpleRNN, Options(returnSequences: true, goBackwards: true, masked: true, initialState: true,
                                  dropout: 0.5, recurrentDropout: 0.5))
    }
    func testLSTMWithInputDropoutOnlySharesOneMaskAcrossGates() {
        check(.lstm, Options(returnState: true, masked: true, initialState: true, dropout: 0.5))
    }
    func testLSTMWithRecurrentDropoutOnly() {
        check(.lstm, Options(returnSequences: true, masked: true, recurrentDropout: 0.4))
    }
    func testLSTMWithBothDropoutsOneMaskPerGate() {
        check(.lstm, Options(returnSequences: true, returnState: true, goBackwards: true, masked: true, zeroOutputForMask: true,
                             dropout: 0.5, recurrentDropout: 0.5))
    }
    func testGRUResettingAfterWithBothDropouts() {
        check(.gru(resetAfter: true), Options(returnState: true, goBackwards: true, masked: true, initialState: true,
                                              dropout: 0.5, recurrentDropout: 0.5))
    }
    func testGRUResettingAfterWithInputDropoutOnly() {
        check(.gru(resetAfter: true), Options(returnSequences: true, masked: true, dropout: 0.5))
    }
    func testGRUResettingBeforeWithBothDropouts() {
        check(.gru(resetAfter: false), Options(returnSequences: true, returnState: true, masked: true, initialState: true,
                                               dropout: 0.5, recurrentDropout: 0.5))
    }
    func testGRUResettingBeforeWithRecurrentDropoutOnly() {
        check(.gru(resetAfter: false), Options(goBackwards: true, recurrentDropout: 0.5))
    }

    func testBidirectionalEveryMergeModeMaskedSequences() {
        for mode in Bidirectional.MergeMode.allCases { checkBidirectional(mode, returnSequences: true) }
    }
    func testBidirectionalLastOutputs() {
        checkBidirectional(.concat, returnSequences: false)
        checkBidirectional(.mul, returnSequences: false)
    }
    func testBidirectionalWithDropoutsDrawsMasksForEachHalf() {
        checkBidirectional(.concat, returnSequences: true, dropout: 0.5, recurrentDropout: 0.5)
        checkBidirectional(.sum, returnSequences: false, dropout: 0.5, recurrentDropout: 0.5)
    }

    // MARK: Harness

    private func makeLayer(_ kind: RecurrentReference.Kind, _ o: Options) -> RecurrentLayer {
        let u = Self.units
        switch kind {
        case .simpleRNN:
            return SimpleRNN(units: u, activation: o.activation, dropout: o.dropout, recurrentDropout: o.recurrentDropout,
                             returnSequences: o.returnSequences, returnState: o.returnState, goBackwards: o.goBackwards)
        case .lstm:
            return LSTM(units: u, activation: o.activation, recurrentActivation: o.recurrentActivation,
                        dropout: o.dropout, recurrentDropout: o.recurrentDropout,
                        returnSequences: o.returnSequences, returnState: o.returnState, goBackwards: o.goBackwards)
        case .gru(let resetAfter):
            return GRU(units: u, activation: o.activation, recurrentActivation: o.recurrentActivation,
                       dropout: o.dropout, recurrentDropout: o.recurrentDropout,
                       returnSequences: o.returnSequences, returnState: o.returnState, goBackwards: o.goBackwards, resetAfter: resetAfter)
        }
    }

    private func check(_ kind: RecurrentReference.Kind, _ o: Options, file: StaticString = #filePath, line: UInt = #line) {
        let (b, t, f, u) = (Self.batch, Self.timesteps, Self.features, Self.units)
        let layer = makeLayer(kind, o)
        layer.zeroOutputForMask = o.zeroOutputForMask
        var reference = RecurrentReference(kind: kind, units: u, activation: o.activation, recurrentActivation: o.recurrentActivation,
                                           goBackwards: o.goBackwards, zeroOutputForMask: o.zeroOutputForMask)
        var values = TestValues(seed: 11)
        let shapes = [[b, t, f]] + layer.weightSpecs(inputDim: f).map(\.shape.dimensions)
            + (o.initialState ? Array(repeating: [b, u], count: reference.stateCount) : [])
        let point = shapes.map { values.next($0.reduce(1, *), scale: 0.8) }
        let outputCount = o.returnSequences ? b * t * u : b * u
        let weightsR = values.next(outputCount), statesR = (0..<reference.stateCount).map { _ in values.next(b * u) }
        let mask = o.masked ? Self.mask : nil
        let weightCount = layer.weightSpecs(inputDim: f).count

        // Engine: gradients with respect to x, the initial states and the weights.
        let tensors = zip(shapes, point).map { Tensor(shape: TensorShape($0), scalars: $1.map(Float.init)) }
        try! layer.setWeights(Array(tensors[1...weightCount]))
        var x = tensors[0]
        if let mask { x = x.withMask(SequenceMask(batchSize: b, timesteps: t, isReal: mask)) }
        let initial = Array(tensors[(1 + weightCount)...])
        let r = Tensor(shape: o.returnSequences ? [b, t, u] : [b, u], scalars: weightsR.map(Float.init))
        let rs = statesR.map { Tensor(shape: [b, u], scalars: $0.map(Float.init)) }
        setRandomSeed(21)
        let (value, inputGradients, weightGradients) = LearningPhase.$isTraining.withValue(true) {
            valueWithGradient(at: [x] + initial, of: layer) { xs, layer in
                let (output, states) = layer.callWithState(xs[0], initialState: o.initialState ? Array(xs[1...]) : nil)
                var loss = (output * r).sum()
                if o.returnState { for (state, weight) in zip(states, rs) { loss = loss + (state * weight).sum() } }
                return loss
            }
        }
        let engine = [inputGradients[0]] + weightGradients + inputGradients.dropFirst()
        setRandomSeed(21)
        (reference.inputScales, reference.recurrentScales) = Self.drawnMasks(of: layer, batch: b, features: f)

        // Reference: central differences of the same loss in float64.
        let sizes = point.map(\.count)
        let loss = { (flat: [Double]) -> Double in
            var parts: [[Double]] = [], offset = 0
            for size in sizes { parts.append(Array(flat[offset..<(offset + size)])); offset += size }
            let result = reference.run(x: parts[0], batch: b, timesteps: t, features: f, mask: mask,
                                       kernel: parts[1], recurrentKernel: parts[2], bias: weightCount == 3 ? parts[3] : nil,
                                       initialStates: o.initialState ? Array(parts[(1 + weightCount)...]) : nil)
            var total = zip(o.returnSequences ? result.sequence : result.last, weightsR).reduce(0) { $0 + $1.0 * $1.1 }
            if o.returnState { for (state, weight) in zip(result.states, statesR) { total += zip(state, weight).reduce(0) { $0 + $1.0 * $1.1 } } }
            return total
        }
        let expected = loss(point.flatMap { $0 })
        XCTAssertEqual(Double(value.scalars[0]), expected, accuracy: 1e-4 * Swift.max(1, Swift.abs(expected)), "loss", file: file, line: line)
        assertMatches(engine, centralDifferences(of: loss, at: point.flatMap { $0 }), sizes: sizes, file: file, line: line)
    }

    /// The masks a training call of `layer` drew, drawn again after reseeding the generator as
    /// before the call: the input's groups of (batch, features) scales and the recurrent (batch,
    /// gateCount · units) scales, or nil.
    private static func drawnMasks(of layer: RecurrentLayer, batch: Int, features: Int) -> ([[Double]]?, [Double]?) {
        let masks = LearningPhase.$isTraining.withValue(true) {
            layer.dropping.masks(batchSize: batch, features: features, units: layer.units, gateCount: layer.cell.gateCount)
        }
        let input = masks?.input.map { scales in
            (0..<masks!.inputGroups).map { g in scales[(g * batch * features)..<((g + 1) * batch * features)].map(Double.init) }
        }
        return (input, masks?.recurrent?.map(Double.init))
    }

    private func checkBidirectional(_ mode: Bidirectional.MergeMode, returnSequences: Bool, dropout: Float = 0, recurrentDropout: Float = 0,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let (b, t, f, u) = (Self.batch, Self.timesteps, Self.features, Self.units)
        let layer = Bidirectional(LSTM(units: u, dropout: dropout, recurrentDropout: recurrentDropout, returnSequences: returnSequences),
                                  mergeMode: mode)
        var values = TestValues(seed: 5)
        let specs = layer.forwardLayer.weightSpecs(inputDim: f).map(\.shape.dimensions)
        let shapes = [[b, t, f]] + specs + specs
        let point = shapes.map { values.next($0.reduce(1, *), scale: 0.8) }
        let width = mode == .concat ? 2 * u : u
        let outputCount = (returnSequences ? b * t : b) * width
        let weightsR = values.next(outputCount)
        let tensors = zip(shapes, point).map { Tensor(shape: TensorShape($0), scalars: $1.map(Float.init)) }
        try! layer.setWeights(Array(tensors[1...]))
        let x = tensors[0].withMask(SequenceMask(batchSize: b, timesteps: t, isReal: Self.mask))
        let r = Tensor(shape: returnSequences ? [b, t, width] : [b, width], scalars: weightsR.map(Float.init))
        setRandomSeed(8)
        let (_, dx, weightGradients) = LearningPhase.$isTraining.withValue(true) {
            valueWithGradient(at: x, of: layer) { x, layer in (layer(x) * r).sum() }
        }

        // The forward half draws its masks first, then the backward half.
        setRandomSeed(8)
        let halves = [layer.forwardLayer, layer.backwardLayer].map { half in
            var reference = RecurrentReference(kind: .lstm, units: u, activation: .tanh, recurrentActivation: .sigmoid,
                                               goBackwards: half.goBackwards, zeroOutputForMask: returnSequences)
            (reference.inputScales, reference.recurrentScales) = Self.drawnMasks(of: half, batch: b, features: f)
            return reference
        }
        let sizes = point.map(\.count)
        let loss = { (flat: [Double]) -> Double in
            var parts: [[Double]] = [], offset = 0
            for size in sizes { parts.append(Array(flat[offset..<(offset + size)])); offset += size }
            let outputs = halves.enumerated().map { index, half -> [Double] in
                let result = half.run(x: parts[0], batch: b, timesteps: t, features: f, mask: Self.mask,
                                      kernel: parts[1 + 3 * index], recurrentKernel: parts[2 + 3 * index], bias: parts[3 + 3 * index],
                                      initialStates: nil)
                guard returnSequences, index == 1 else { return returnSequences ? result.sequence : result.last }
                // The backward half's sequence back in time order.
                var reversed = result.sequence
                for row in 0..<b {
                    for s in 0..<t {
                        let from = (row * t + (t - 1 - s)) * u, to = (row * t + s) * u
                        reversed.replaceSubrange(to..<(to + u), with: result.sequence[from..<(from + u)])
                    }
                }
                return reversed
            }
            var merged: [Double] = []
            for start in stride(from: 0, to: outputs[0].count, by: u) {
                let forward = outputs[0][start..<(start + u)], backward = outputs[1][start..<(start + u)]
                switch mode {
                case .concat: merged += forward + backward
                case .sum: merged += zip(forward, backward).map { $0 + $1 }
                case .ave: merged += zip(forward, backward).map { ($0 + $1) / 2 }
                case .mul: merged += zip(forward, backward).map { $0 * $1 }
                }
            }
            return zip(merged, weightsR).reduce(0) { $0 + $1.0 * $1.1 }
        }
        assertMatches([dx] + weightGradients, centralDifferences(of: loss, at: point.flatMap { $0 }), sizes: sizes, file: file, line: line)
    }

    private func assertMatches(_ engine: [Tensor], _ reference: [Double], sizes: [Int], file: StaticString, line: UInt) {
        XCTAssertEqual(engine.map(\.scalarCount), sizes, "gradient sizes", file: file, line: line)
        var offset = 0
        for (part, gradient) in engine.enumerated() {
            for (i, value) in gradient.scalars.enumerated() {
                let expected = reference[offset + i]
                XCTAssertEqual(Double(value), expected, accuracy: 1e-4 * Swift.max(1, Swift.abs(expected)),
                               "gradient \(part), value \(i)", file: file, line: line)
            }
            offset += gradient.scalarCount
        }
    }
}
