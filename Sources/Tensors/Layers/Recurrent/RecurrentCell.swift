/// The arithmetic of one timestep of a recurrent layer (SimpleRNN, LSTM or GRU) for a whole batch.
///
/// `RecurrentLayer` owns the sequence loop (`TimeLoop`): it projects each timestep's input through
/// the kernel, then calls `step` once per timestep and handles masks and outputs. A cell only
/// adds the recurrent contribution and applies its gates, in place on preallocated buffers
/// (`Activation.applyFast` over contiguous gate blocks, then plain elementwise loops).
protocol RecurrentCell: Sendable {
    /// The Keras class name, for messages ("LSTM").
    var kindName: String { get }
    var units: Int { get }
    var activation: Activation { get }
    /// Every activation the cell applies (the activation, and the recurrent one if it has one).
    var activations: [Activation] { get }
    var useBias: Bool { get }
    /// The number of units-wide column blocks in the kernels (LSTM: i, f, c, o).
    var gateCount: Int { get }
    /// The number of units-wide states carried between steps; state 0 is h, the output.
    var stateCount: Int { get }
    var biasShape: TensorShape { get }
    var biasInitializer: any Initializer { get }
    /// Floats of scratch space the cell needs per batch row.
    var scratchWidth: Int { get }

    /// Advances every sequence of the batch by one timestep.
    func step(_ step: RecurrentStep)

    /// The unit rows of the scratch space that the backward pass needs from each step, or nil.
    var tracedScratchRows: Range<Int>? { get }
    /// Whether the recurrent product's gradient differs from the input projection's (GRU with
    /// `resetAfter`, whose reset gate multiplies the recurrent product).
    var hasSeparateRecurrentGradient: Bool { get }

    /// One timestep backwards for the whole batch: the gradients of the step's pre-activations and
    /// of the states before it. See `RecurrentBackwardStep`.
    func backwardStep(_ step: RecurrentBackwardStep)

    /// Adds the recurrent kernel's gradient (units, gateCount · units), Keras's layout, from a trace.
    func addRecurrentKernelGradient(_ trace: RecurrentTrace, into gradient: UnsafeMutablePointer<Float>)
}

extension RecurrentCell {
    var tracedScratchRows: Range<Int>? { nil }
    var hasSeparateRecurrentGradient: Bool { false }

    /// h_{t−1} (units, timesteps · rows) times the pre-activation gradients, transposed: one GEMM.
    func addRecurrentKernelGradient(_ trace: RecurrentTrace, into gradient: UnsafeMutablePointer<Float>) {
        addRecurrentProducts(trace, of: trace.recurrentGateGradients ?? trace.gateGradients, gates: 0..<gateCount, into: gradient)
    }

    /// Adds h_{t−1} times the transposed `gradients` (gateCount · units, timesteps · rows) to the
    /// recurrent kernel gradient's columns of `gates`: one GEMM, or with recurrent dropout one per
    /// gate, each from the dropped h_{t−1} its gate multiplied.
    func addRecurrentProducts(_ trace: RecurrentTrace, of gradients: UnsafePointer<Float>, gates: Range<Int>,
                              into gradient: UnsafeMutablePointer<Float>) {
        let width = gateCount * units, first = gates.lowerBound * units
        guard let dropped = trace.droppedStates else {
            multiplyMatrices(m: units, n: gates.count * units, k: trace.stride, trace.hHistory, lda: trace.stride + trace.rows,
                             transposingA: false, gradients + first * trace.stride, ldb: trace.stride, transposingB: true,
                             into: gradient + first, ldc: width, beta: 1)
            return
        }
        for gate in gates {
            let row = gate * units
            multiplyMatrices(m: units, n: units, k: trace.stride, dropped + row * trace.stride, lda: trace.stride,
                             transposingA: false, gradients + row * trace.stride, ldb: trace.stride, transposingB: true,
                             into: gradient + row, ldc: width, beta: 1)
        }
    }
}

/// The buffers of one timestep, owned by the running `TimeLoop`; every matrix is unit-major
/// (the transpose of Keras's layout), so value (j, b) of a matrix with `batchSize` columns is at
/// `j · batchSize + b`, and a block of units is one contiguous run for the whole batch.
///
/// The first `gateCount · units` values of the bias have already been added to `projection`; a
/// cell that has a separate recurrent bias (GRU with `resetAfter`) finds it after them.
struct RecurrentStep {
    let units: Int
    let batchSize: Int
    /// (gateCount · units, batchSize): this timestep's kernelᵀ · xᵀ + input bias; the cell may overwrite it.
    let projection: UnsafeMutablePointer<Float>
    /// (stateCount · units, batchSize): the states before this step, state after state.
    let previous: UnsafePointer<Float>
    /// (stateCount · units, batchSize): where the cell writes the states after this step.
    let next: UnsafeMutablePointer<Float>
    /// (gateCount · units, units): the recurrent kernel transposed.
    let recurrentKernel: UnsafePointer<Float>
    /// The whole bias, or nil without `useBias`.
    let bias: UnsafePointer<Float>?
    /// (scratchWidth, batchSize) of scratch space.
    let scratch: UnsafeMutablePointer<Float>
    /// With recurrent dropout: (gateCount · units, batchSize), h_{t−1} times each gate's dropout
    /// scales, which the recurrent products multiply instead of `previous`; else nil.
    var droppedStates: UnsafePointer<Float>? = nil
    /// Where to keep the pre-activations that `Activation.derivesFromOutput` says the backward pass
    /// needs (same layout as `projection`), or nil when not recording.
    var preActivations: UnsafeMutablePointer<Float>? = nil

    /// Applies `activation` in place to `count` values of the projection starting at `values`,
    /// keeping their pre-activations first when recording needs them.
    @inline(__always)
    func activate(_ activation: Activation, _ values: UnsafeMutablePointer<Float>, count: Int) {
        if let preActivations, !activation.derivesFromOutput {
            (preActivations + (values - projection)).update(from: values, count: count)
        }
        activation.applyFast(values, count: count)
    }

    /// The h_{t−1} that gate `gate`'s recurrent product multiplies: `previous`, or its dropped copy.
    func recurrentInput(gate: Int) -> UnsafePointer<Float> {
        droppedStates.map { $0 + gate * units * batchSize } ?? previous
    }

    /// output = recurrentKernel[gateRows] · state + beta · output, a (gateRows.count, batchSize) product:
    /// by default the previous h (each gate's dropped copy with recurrent dropout) added onto the
    /// same rows of the projection.
    func multiplyRecurrentKernel(gateRows: Range<Int>, by state: UnsafePointer<Float>? = nil,
                                 into output: UnsafeMutablePointer<Float>? = nil, beta: Float = 1) {
        let output = output ?? projection + gateRows.lowerBound * batchSize
        guard state == nil, let droppedStates else {
            multiplyMatrices(m: gateRows.count, n: batchSize, k: units,
                             recurrentKernel + gateRows.lowerBound * units, lda: units,
                             state ?? previous, ldb: batchSize, into: output, ldc: batchSize, beta: beta)
            return
        }
        for row in stride(from: gateRows.lowerBound, to: gateRows.upperBound, by: units) {
            multiplyMatrices(m: units, n: batchSize, k: units, recurrentKernel + row * units, lda: units,
                             droppedStates + row * batchSize, ldb: batchSize,
                             into: output + (row - gateRows.lowerBound) * batchSize, ldc: batchSize, beta: beta)
        }
    }
}
