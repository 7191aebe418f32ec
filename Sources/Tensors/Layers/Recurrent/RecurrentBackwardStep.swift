/// The buffers of one timestep of a recurrent layer's backward pass (see `RecurrentStep` for the
/// unit-major layout). The cell reads the gradient reaching this step's states and the step's
/// trace, and writes the gradients of its pre-activations and of the states before it.
struct RecurrentBackwardStep {
    let units: Int
    let batchSize: Int
    /// (units, batchSize): the gradient reaching h after this step, from the outputs and the next
    /// step; the cell may overwrite it.
    let hGradient: UnsafeMutablePointer<Float>
    /// (stateCount · units, batchSize): the gradient reaching the states after this step (LSTM reads c's).
    let stateGradient: UnsafePointer<Float>
    /// (gateCount · units, batchSize): the step's gates after their activations.
    let gates: UnsafePointer<Float>
    /// The gates before activations that do not derive from their outputs, or nil.
    let preActivations: UnsafePointer<Float>?
    /// (stateCount · units, batchSize): the states before and after the step.
    let previous: UnsafePointer<Float>
    let next: UnsafePointer<Float>
    /// The step's traced scratch rows (`RecurrentCell.tracedScratchRows`), `gradientStride` apart, or nil.
    let scratch: UnsafePointer<Float>?
    /// Out: (gateCount · units, batchSize), rows `gradientStride` apart: the pre-activations' gradient.
    let gateGradient: UnsafeMutablePointer<Float>
    /// Out, for a cell with a separate recurrent gradient: the recurrent product's gradient, same layout.
    let recurrentGateGradient: UnsafeMutablePointer<Float>?
    let gradientStride: Int
    /// Out: (stateCount · units, batchSize), the gradient of the states before the step.
    let previousGradient: UnsafeMutablePointer<Float>
    /// (gateCount · units, units): the recurrent kernel transposed, as the forward pass multiplies it.
    let recurrentKernel: UnsafePointer<Float>
    /// (units, batchSize) of scratch space.
    let workspace: UnsafeMutablePointer<Float>
    /// With recurrent dropout: (gateCount · units, batchSize), the scales each gate's recurrent
    /// product applied to h_{t−1}; else nil.
    let recurrentScales: UnsafePointer<Float>?
    /// (units, batchSize) of scratch space for `propagateThroughRecurrentKernel`.
    let droppedGradient: UnsafeMutablePointer<Float>

    /// The derivative of `activation` at gate value `index` (flat in `gates`), from the output
    /// when it determines it, else from the kept pre-activation.
    @inline(__always)
    func slope(_ activation: Activation, _ index: Int) -> Float {
        activation.derivesFromOutput
            ? activation.derivativeFromOutput(gates[index])
            : activation.derivative(preActivations![index], output: gates[index])
    }

    /// Row `row` of a (rows, batchSize) matrix whose rows are `gradientStride` apart.
    @inline(__always)
    func gradientRow(_ matrix: UnsafeMutablePointer<Float>, _ row: Int) -> UnsafeMutablePointer<Float> {
        matrix + row * gradientStride
    }

    /// output = Σ over gates of gateRows of scales_g ⊙ (recurrentKernel_gᵀ · gradient_g) + beta · output:
    /// the gradient reaching h_prev through the recurrent products, each gate's through its own
    /// dropout scales when there is recurrent dropout (without, one GEMM). `beta` is 0 or 1.
    func propagateThroughRecurrentKernel(gateRows: Range<Int>, by gradient: UnsafePointer<Float>,
                                         into output: UnsafeMutablePointer<Float>, beta: Float) {
        guard let recurrentScales else {
            multiplyTransposedRecurrentKernel(gateRows: gateRows, by: gradient, into: output, beta: beta)
            return
        }
        let block = units * batchSize
        for row in stride(from: gateRows.lowerBound, to: gateRows.upperBound, by: units) {
            multiplyTransposedRecurrentKernel(gateRows: row..<(row + units), by: gradient, into: droppedGradient, beta: 0)
            let scales = recurrentScales + row * batchSize
            if row == gateRows.lowerBound && beta == 0 {
                for k in 0..<block { output[k] = scales[k] * droppedGradient[k] }
            } else {
                for k in 0..<block { output[k] += scales[k] * droppedGradient[k] }
            }
        }
    }

    /// output = recurrentKernel[gateRows]ᵀ · gradient[gateRows] + beta · output, a (units, batchSize)
    /// product: the gradient reaching the recurrent kernel's input, before any dropout.
    func multiplyTransposedRecurrentKernel(gateRows: Range<Int>, by gradient: UnsafePointer<Float>,
                                           into output: UnsafeMutablePointer<Float>, beta: Float) {
        multiplyMatrices(m: units, n: batchSize, k: gateRows.count,
                         recurrentKernel + gateRows.lowerBound * units, lda: units, transposingA: true,
                         gradient + gateRows.lowerBound * gradientStride, ldb: gradientStride, transposingB: false,
                         into: output, ldc: batchSize, beta: beta)
    }
}
