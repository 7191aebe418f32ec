/// Runs a recurrent layer forwards and a copy of it backwards over the same input and merges the
/// two outputs; Keras's `Bidirectional`.
///
/// The backward layer is a fresh layer with the wrapped layer's configuration and `goBackwards`
/// flipped. With `returnSequences` its outputs are re-reversed so step t of both halves belongs to
/// timestep t, and masked steps output zeros (Keras sets `zero_output_for_mask` on both halves).
/// Weights: the forward layer's, then the backward layer's. With `returnState`, `callWithState(_:)`
/// returns the forward states, then the backward states.
///
/// The halves run at the same time, each on its share of the cores (`CallSchedule`).
public final class Bidirectional: Layer {
    /// How the forward and backward outputs are combined.
    public enum MergeMode: String, Sendable, CaseIterable {
        /// Joined along the last axis, forward first: 2 · units features.
        case concat
        /// Summed elementwise.
        case sum
        /// Averaged elementwise.
        case ave
        /// Multiplied elementwise.
        case mul
    }

    public let forwardLayer: RecurrentLayer
    public let backwardLayer: RecurrentLayer
    public let mergeMode: MergeMode
    public let name: String

    public init(_ layer: RecurrentLayer, mergeMode: MergeMode = .concat, name: String? = nil) {
        trapOnError { try Self.validate(wrapping: layer) }
        self.name = name ?? LayerName.unique(for: "Bidirectional")
        backwardLayer = layer.reversedCopy()
        layer.name = "forward_" + layer.name
        forwardLayer = layer
        self.mergeMode = mergeMode
        for half in [forwardLayer, backwardLayer] { half.zeroOutputForMask = layer.returnSequences }
    }

    public var description: String { "Bidirectional(\(forwardLayer))" }

    /// Refuses a layer that has been called (its weights would not be the halves') or that runs
    /// backwards: the backward half is a copy that does, and Keras refuses two halves that agree.
    static func validate(wrapping layer: RecurrentLayer) throws {
        if layer.inputDim != nil {
            throw LayerError("Bidirectional: wrap a new layer; \(layer) has already been called, and its weights would not be used")
        }
        if layer.goBackwards {
            throw LayerError("Bidirectional: wrap a layer that runs forwards; \(layer) has goBackwards: true, and the backward half already reads the sequence backwards")
        }
    }

    public var returnSequences: Bool { forwardLayer.returnSequences }
    public var returnState: Bool { forwardLayer.returnState }

    public var weights: [Tensor] { forwardLayer.weights + backwardLayer.weights }

    public var weightNames: [String] {
        forwardLayer.weightNames.map { forwardLayer.name + "/" + $0 } + backwardLayer.weightNames.map { backwardLayer.name + "/" + $0 }
    }

    public var weightHolders: [any Layer] { [forwardLayer, backwardLayer] }

    public func setWeights(_ weights: [Tensor]) throws {
        let half = weights.count / 2
        guard weights.count % 2 == 0, half > 0 else {
            throw LayerError("\(description).setWeights: expected the forward layer's weights followed by the backward layer's, got \(weights.count) weights")
        }
        do {
            try forwardLayer.setWeights(Array(weights[..<half]))
            try backwardLayer.setWeights(Array(weights[half...]))
        } catch let error as LayerError {
            throw LayerError("\(description): \(error.description)")
        }
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        callAsFunction(input, initialState: nil)
    }

    /// The merged output for sequences that start from `initialState` instead of zeros: the forward
    /// layer's states, then the backward layer's (Keras's `initial_state`), each (batch, units).
    public func callAsFunction(_ input: Tensor, initialState: [Tensor]?) -> Tensor {
        trapOnError {
            if returnState {
                throw LayerError("\(description) wraps a layer with returnState: true, so it returns the output and the states: call `layer.callWithState(x)`, which returns (output, states)")
            }
        }
        return callWithState(input, initialState: initialState).output
    }

    /// The merged output and the states of both halves, forward first (Keras's `[output, *states]`);
    /// `initialState` is as for `callAsFunction(_:initialState:)`.
    public func callWithState(_ input: Tensor, initialState: [Tensor]? = nil) -> (output: Tensor, states: [Tensor]) {
        trapOnError {
            if let initialState, initialState.count % 2 != 0 {
                throw LayerError("\(description) takes the forward layer's initial states followed by the backward layer's, got \(initialState.count) tensors")
            }
        }
        let half = (initialState?.count ?? 0) / 2
        let calls = [forwardLayer.prepare(input, initialState: initialState.map { Array($0[..<half]) }),
                     backwardLayer.prepare(input, initialState: initialState.map { Array($0[half...]) })]
        if let tape = Tape.current {
            let halves = RecurrentLayer.recordedRuns(calls, on: tape)
            return recordedMerge(halves[0], halves[1], mask: input.mask)
        }
        let schedule = CallSchedule(works: calls.map(\.work), threads: BLASThreads.count)
        let halves = schedule.map { calls[$0].layer.run(calls[$0], threads: schedule.threadsPerCall) }
        let forward = halves[0], backward = halves[1]
        var backwardOutput = backward.output.scalars
        if returnSequences {
            backwardOutput = Self.reversingTime(backwardOutput, shape: backward.output.shape)
        }
        let merged = merge(forward.output.scalars, backwardOutput, shape: forward.output.shape)
        return (merged.withMask(returnSequences ? input.mask : nil), forward.states + backward.states)
    }

    /// The same merge from differentiable tensor operations, so gradients reach both halves.
    private func recordedMerge(_ forward: (output: Tensor, states: [Tensor]), _ backward: (output: Tensor, states: [Tensor]),
                               mask: SequenceMask?) -> (output: Tensor, states: [Tensor]) {
        let backwardOutput = returnSequences ? backward.output.reversed(alongAxis: 1) : backward.output
        let merged: Tensor
        switch mergeMode {
        case .concat: merged = Tensor(concatenating: [forward.output, backwardOutput], alongAxis: -1)
        case .sum: merged = forward.output + backwardOutput
        case .ave: merged = (forward.output + backwardOutput) / 2
        case .mul: merged = forward.output * backwardOutput
        }
        return (merged.withMask(returnSequences ? mask : nil), forward.states + backward.states)
    }

    private func merge(_ forward: [Float], _ backward: [Float], shape: TensorShape) -> Tensor {
        switch mergeMode {
        case .concat:
            let width = shape[-1]
            var joined: [Float] = []
            joined.reserveCapacity(2 * forward.count)
            for start in stride(from: 0, to: forward.count, by: width) {
                joined += forward[start..<(start + width)]
                joined += backward[start..<(start + width)]
            }
            return Tensor(shape: TensorShape(shape.dimensions.dropLast() + [2 * width]), scalars: joined)
        case .sum: return Tensor(shape: shape, scalars: zip(forward, backward).map { $0 + $1 })
        case .ave: return Tensor(shape: shape, scalars: zip(forward, backward).map { ($0 + $1) / 2 })
        case .mul: return Tensor(shape: shape, scalars: zip(forward, backward).map { $0 * $1 })
        }
    }

    /// `values` of shape (batch, timesteps, units) with the timestep axis reversed.
    private static func reversingTime(_ values: [Float], shape: TensorShape) -> [Float] {
        let timesteps = shape[1], width = shape[2]
        var reversed = values
        for start in stride(from: 0, to: values.count, by: timesteps * width) {
            for t in 0..<timesteps {
                let from = start + (timesteps - 1 - t) * width, to = start + t * width
                reversed.replaceSubrange(to..<(to + width), with: values[from..<(from + width)])
            }
        }
        return reversed
    }
}
