import Dispatch
internal import CKernels

/// A layer that runs a cell over the timesteps of its input; the base of `SimpleRNN`, `LSTM` and `GRU`
/// with Keras 3's `RNN` semantics.
///
/// Input: (batch, timesteps, features). Output: the last step's output (batch, units), or with
/// `returnSequences` every step's output (batch, timesteps, units). `goBackwards` processes time in
/// reverse and, as in Keras, returns the sequence in processing order (reversed). The initial
/// state is zero.
///
/// Masks: when the input carries a `SequenceMask` (e.g. from `Embedding(maskZero: true)`), a masked
/// step keeps the previous state and repeats the previous output, and a sequence output carries
/// the mask on.
///
/// Dropout: `dropout` drops input features and `recurrentDropout` units of h_{t−1}, in training only,
/// with masks drawn once per call (see `RecurrentDropout`).
///
/// Speed: large batches are split across threads (`BatchPartition`), and each slice of rows runs
/// the whole layer on its own (`TimeLoop`): per step the input projection, one GEMM of the
/// transposed recurrent kernel (gates · units, units) by the states (units, rows) and one pass
/// over the gates, with no allocation (with recurrent dropout, one GEMM per gate, each by its own
/// dropped states).
public class RecurrentLayer: Layer {
    let cell: any RecurrentCell
    public let returnSequences: Bool
    public let returnState: Bool
    public let goBackwards: Bool
    /// The share of input features dropped in training (Keras's `dropout`).
    public var dropout: Float { dropping.rate }
    /// The share of h_{t−1}'s units dropped in training before the recurrent kernel (Keras's `recurrent_dropout`).
    public var recurrentDropout: Float { dropping.recurrentRate }
    /// Both rates, checked; draws each training call's masks.
    let dropping: RecurrentDropout
    /// Settable so that `Bidirectional` can call its halves `forward_<name>` and `backward_<name>`, as Keras does.
    public internal(set) var name: String
    /// Whether a masked step outputs zeros instead of the previous output; Keras's
    /// `zero_output_for_mask`, which `Bidirectional` turns on for sequence outputs.
    var zeroOutputForMask = false

    /// The number of input features, fixed by the first call (or by `setWeights`).
    public private(set) var inputDim: Int?
    /// (inputDim, gates · units) and (units, gates · units): the kernels in Keras's layout, as
    /// `weights` returns them and optimizers update them.
    private var kernel: [Float] = []
    private var recurrentKernel: [Float] = []
    /// The same kernels transposed, as `TimeLoop` multiplies them; kept in step with the above.
    private(set) var transposedKernel: [Float] = []
    private(set) var transposedRecurrentKernel: [Float] = []
    private(set) var bias: [Float] = []

    init(cell: any RecurrentCell, dropout: Float, recurrentDropout: Float,
         returnSequences: Bool, returnState: Bool, goBackwards: Bool, name: String?) {
        require(cell.units > 0, "\(cell.kindName): units must be positive, got \(cell.units)")
        for activation in cell.activations where !activation.isElementwise {
            fatalError("\(cell.kindName): \(activation.rawValue) is not elementwise; recurrent layers take elementwise activations such as tanh, sigmoid or relu")
        }
        dropping = trapOnError { try RecurrentDropout(rate: dropout, recurrentRate: recurrentDropout, layer: cell.kindName) }
        self.cell = cell
        self.returnSequences = returnSequences
        self.returnState = returnState
        self.goBackwards = goBackwards
        self.name = name ?? LayerName.unique(for: cell.kindName)
    }

    /// The size of the output and of each state.
    public var units: Int { cell.units }
    public var activation: Activation { cell.activation }
    public var useBias: Bool { cell.useBias }

    public var description: String { "\(cell.kindName)(units: \(units))" }

    /// A new, unbuilt layer with the same configuration that reads time the other way round
    /// (how `Bidirectional` makes its backward layer).
    func reversedCopy() -> RecurrentLayer {
        RecurrentLayer(cell: cell, dropout: dropout, recurrentDropout: recurrentDropout,
                       returnSequences: returnSequences, returnState: returnState, goBackwards: !goBackwards,
                       name: "backward_" + name)
    }

    // MARK: Weights

    func weightSpecs(inputDim: Int) -> [WeightSpec] {
        let width = cell.gateCount * units
        let kernels = [WeightSpec(name: "kernel", shape: [inputDim, width]),
                       WeightSpec(name: "recurrent_kernel", shape: [units, width])]
        return useBias ? kernels + [WeightSpec(name: "bias", shape: cell.biasShape)] : kernels
    }

    public var weightNames: [String] { inputDim.map { weightSpecs(inputDim: $0).map(\.name) } ?? [] }

    public var weights: [Tensor] {
        guard let inputDim else { return [] }
        let specs = weightSpecs(inputDim: inputDim)
        return zip(specs, [kernel, recurrentKernel, bias]).map { Tensor(shape: $0.shape, scalars: $1) }
    }

    public func setWeights(_ weights: [Tensor]) throws {
        // Before the first call the kernel's shape tells the input size, as building would.
        let dim = inputDim ?? weights.first.map { $0.shape.rank == 2 ? $0.shape[0] : 0 } ?? 0
        try weightSpecs(inputDim: dim).validate(weights, for: description)
        inputDim = dim
        setKernels(weights[0].scalars, weights[1].scalars)
        bias = useBias ? weights[2].scalars : []
    }

    /// Draws the weights for inputs with `inputDim` features, in Keras's order: kernel
    /// (GlorotUniform), recurrent kernel (Orthogonal), bias (zeros; LSTM's forget gate ones).
    public func build(inputDim: Int) {
        guard self.inputDim == nil else { return }
        let specs = weightSpecs(inputDim: inputDim)
        self.inputDim = inputDim
        setKernels(GlorotUniform()(specs[0].shape).scalars, Orthogonal()(specs[1].shape).scalars)
        bias = useBias ? cell.biasInitializer(specs[2].shape).scalars : []
    }

    /// Sets both kernels, in Keras's layout, and their transposes.
    private func setKernels(_ kernel: [Float], _ recurrentKernel: [Float]) {
        self.kernel = kernel
        self.recurrentKernel = recurrentKernel
        transposedKernel = transposedMatrix(kernel, columns: cell.gateCount * units)
        transposedRecurrentKernel = transposedMatrix(recurrentKernel, columns: cell.gateCount * units)
    }

    // MARK: Calling

    /// The layer's output. A layer made with `returnState: true` has several results:
    /// use `callWithState(_:)` for it.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        callAsFunction(input, initialState: nil)
    }

    /// The layer's output for sequences that start from `initialState` (Keras's `initial_state`)
    /// instead of zeros: `[h]` for SimpleRNN and GRU, `[h, c]` for LSTM, each (batch, units), e.g.
    /// the final states of an encoder.
    public func callAsFunction(_ input: Tensor, initialState: [Tensor]?) -> Tensor {
        trapOnError { try validatePlainCall() }
        return callWithState(input, initialState: initialState).output
    }

    /// Refuses `layer(x)` on a layer made with `returnState: true`, which has several results.
    func validatePlainCall() throws {
        if returnState {
            throw LayerError("\(description) was created with returnState: true, so it returns the output and the states: call `layer.callWithState(x)`, which returns (output, states)")
        }
    }

    /// The output and the final states, like Keras's `return_state=True` call `[output, *states]`.
    ///
    /// `states` is `[h]` for SimpleRNN and GRU and `[h, c]` for LSTM, each (batch, units); on a
    /// masked input they are the states after the last real step of each sequence. `initialState`
    /// is as for `callAsFunction(_:initialState:)`.
    public func callWithState(_ input: Tensor, initialState: [Tensor]? = nil) -> (output: Tensor, states: [Tensor]) {
        let call = prepare(input, initialState: initialState)
        if let tape = Tape.current { return Self.recordedRuns([call], on: tape)[0] }
        let result = run(call, threads: BLASThreads.count)
        return (result.output, result.states)
    }

    /// Checks that `shape` is (batch, timesteps, features) matching the built kernel and `mask`.
    func validateInput(_ shape: TensorShape, mask: SequenceMask?) throws {
        guard shape.rank == 3 else {
            let hint = shape.rank == 2 ? " For a single sequence add a batch axis: shape (1, \(shape[0]), \(shape[1]))." : ""
            throw LayerError("\(description) expects input of shape (batch, timesteps, features), got shape \(shape) of rank \(shape.rank).\(hint)")
        }
        guard shape[1] > 0 else {
            throw LayerError("\(description) needs at least one timestep, got input of shape \(shape)")
        }
        if let inputDim, shape[2] != inputDim {
            throw LayerError("\(description) was built for \(inputDim) features per step, got input of shape \(shape)")
        }
        if let mask, mask.batchSize != shape[0] || mask.timesteps != shape[1] {
            throw LayerError("\(description): the mask is (\(mask.batchSize), \(mask.timesteps)) but the input is \(shape)")
        }
    }

    /// Checks that `states` are `stateCount` tensors of shape (batch, units).
    func validateInitialState(_ states: [Tensor], batchSize: Int) throws {
        let names = cell.stateCount == 2 ? "[h, c]" : "[h]"
        guard states.count == cell.stateCount else {
            throw LayerError("\(description) takes an initial state of \(cell.stateCount) tensor\(cell.stateCount == 1 ? "" : "s") \(names), got \(states.count)")
        }
        let expected: TensorShape = [batchSize, units]
        if let wrong = states.firstIndex(where: { $0.shape != expected }) {
            throw LayerError("\(description): initial state \(wrong) has shape \(states[wrong].shape), expected \(expected) (batch, units)")
        }
    }

    /// `input` and `initialState` checked, the weights built for them, and in training the call's
    /// dropout masks drawn.
    func prepare(_ input: Tensor, initialState: [Tensor]?) -> RecurrentCall {
        trapOnError { try validateInput(input.shape, mask: input.mask) }
        let batchSize = input.shape[0], features = input.shape[2]
        if let initialState { trapOnError { try validateInitialState(initialState, batchSize: batchSize) } }
        build(inputDim: features)
        let masks = dropping.masks(batchSize: batchSize, features: features, units: units, gateCount: cell.gateCount)
        return RecurrentCall(layer: self, input: input, initialState: initialState, dropoutMasks: masks)
    }

    /// The results of `call` with its batch split across at most `threads` threads, and when
    /// `recording`, the trace of each slice of the batch for the backward pass.
    func run(_ call: RecurrentCall, threads: Int, recording: Bool = false) -> RecurrentRun {
        let input = call.input, initialState = call.initialState, dropoutMasks = call.dropoutMasks, mask = input.mask
        let batchSize = call.batchSize, timesteps = call.timesteps, features = call.features
        let u = units

        // What the slices write, each to its own rows: the final states (stateCount, batchSize, units)
        // and the last outputs (batchSize, units) in one buffer, the sequence (batchSize, timesteps, units).
        let stateCount = cell.stateCount * batchSize * u, outputCount = batchSize * u
        var results = [Float](repeating: 0, count: stateCount + outputCount)
        var sequence = [Float](repeating: 0, count: returnSequences ? batchSize * timesteps * u : 0)
        let partition = BatchPartition(batchSize: batchSize, work: call.work, threads: threads)

        let traces = !recording ? [] : partition.slices.map {
            RecurrentTrace(cell: cell, rows: $0.count, timesteps: timesteps, features: features,
                           inputGroups: dropoutMasks?.input == nil ? 1 : dropoutMasks!.inputGroups,
                           hasRecurrentDropout: dropoutMasks?.recurrent != nil)
        }
        let initialStates = initialState?.flatMap(\.scalars) ?? []
        let kernel = transposedKernel, recurrentKernel = transposedRecurrentKernel, bias = bias
        let inputs = [input.scalars, kernel, recurrentKernel, bias, initialStates,
                      dropoutMasks?.input ?? [], dropoutMasks?.recurrent ?? []]
        results.withUnsafeMutableBufferPointer { results in sequence.withUnsafeMutableBufferPointer { sequence in
            withUnsafeBuffers(inputs[...]) { buffers in
                let loop = timeLoop(
                    batchSize: batchSize, timesteps: timesteps, features: features, mask: mask,
                    input: buffers[0].baseAddress!, kernel: buffers[1].baseAddress!,
                    recurrentKernel: buffers[2].baseAddress!, bias: useBias ? buffers[3].baseAddress! : nil,
                    initialStates: initialState == nil ? nil : buffers[4].baseAddress!,
                    finalStates: results.baseAddress!, lastOutputs: results.baseAddress! + stateCount,
                    sequence: returnSequences ? sequence.baseAddress! : nil,
                    dropout: dropoutMasks, inputDropout: buffers[5], recurrentDropout: buffers[6])
                if partition.isParallel {
                    BLASThreads.withSingleThreadedBLAS {
                        DispatchQueue.concurrentPerform(iterations: partition.slices.count) { part in
                            loop.run(rows: partition.slices[part], trace: recording ? traces[part] : nil)
                        }
                    }
                } else {
                    loop.run(rows: 0..<batchSize, trace: traces.first)
                }
            }
        } }

        let states = (0..<cell.stateCount).map { state in
            Tensor(shape: [batchSize, u], scalars: Array(results[state * outputCount..<(state + 1) * outputCount]))
        }
        let output = returnSequences
            ? Tensor(shape: [batchSize, timesteps, u], scalars: sequence).withMask(mask)
            : Tensor(shape: [batchSize, u], scalars: Array(results[stateCount..<(stateCount + outputCount)]))
        return RecurrentRun(output: output, states: states, partition: partition, traces: traces,
                            kernel: kernel, recurrentKernel: recurrentKernel, bias: bias)
    }

    /// The loop over one call's buffers; `kernel`, `recurrentKernel` and `bias` as `TimeLoop` takes them,
    /// and with `dropout` its masks' contents in `inputDropout` and `recurrentDropout`.
    func timeLoop(batchSize: Int, timesteps: Int, features: Int, mask: SequenceMask?, input: UnsafePointer<Float>,
                  kernel: UnsafePointer<Float>, recurrentKernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                  initialStates: UnsafePointer<Float>?, finalStates: UnsafeMutablePointer<Float>,
                  lastOutputs: UnsafeMutablePointer<Float>, sequence: UnsafeMutablePointer<Float>?,
                  dropout: RecurrentDropoutMasks?, inputDropout: UnsafeBufferPointer<Float>,
                  recurrentDropout: UnsafeBufferPointer<Float>) -> TimeLoop {
        let timestep: (Int) -> Int = goBackwards ? { timesteps - 1 - $0 } : { $0 }
        var loop = TimeLoop(
            cell: cell, batchSize: batchSize, timesteps: timesteps, features: features,
            timestep: timestep, mask: mask, zeroOutputForMask: zeroOutputForMask,
            input: input, kernel: kernel, recurrentKernel: recurrentKernel, bias: bias,
            initialStates: initialStates, finalStates: finalStates, lastOutputs: lastOutputs, sequence: sequence)
        if let dropout {
            loop.inputDropout = dropout.input == nil ? nil : inputDropout.baseAddress
            loop.inputDropoutGroups = dropout.inputGroups
            loop.recurrentDropout = dropout.recurrent == nil ? nil : recurrentDropout.baseAddress
        }
        return loop
    }
}

extension RecurrentLayer: WeightsUpdatableInPlace {
    func updateWeight(at index: Int, _ update: (inout [Float]) -> Void) {
        let width = cell.gateCount * units
        switch index {
        case 0:
            update(&kernel)
            transposedKernel = transposedMatrix(kernel, columns: width)
        case 1:
            update(&recurrentKernel)
            transposedRecurrentKernel = transposedMatrix(recurrentKernel, columns: width)
        default:
            update(&bias)
        }
    }
}

/// The transpose of the row-major matrix `values` with `columns` columns.
private func transposedMatrix(_ values: [Float], columns: Int) -> [Float] {
    guard !values.isEmpty else { return [] }
    let rows = values.count / columns
    return [Float](unsafeUninitializedCapacity: values.count) { result, count in
        values.withUnsafeBufferPointer { values in
            folio_transpose_block(values.baseAddress, columns, rows, columns, result.baseAddress, rows)
        }
        count = values.count
    }
}

/// Calls `body` with the contents of every array, in order; the pointers are valid during the call.
func withUnsafeBuffers<Result>(_ arrays: ArraySlice<[Float]>, collected: [UnsafeBufferPointer<Float>] = [],
                                       _ body: ([UnsafeBufferPointer<Float>]) -> Result) -> Result {
    guard let first = arrays.first else { return body(collected) }
    return first.withUnsafeBufferPointer { withUnsafeBuffers(arrays.dropFirst(), collected: collected + [$0], body) }
}
