internal import CKernels

/// One `RecurrentLayer` call over a slice of the batch's rows: per timestep, the input projection
/// kernelᵀ · xᵀ + bias, then the cell's step.
///
/// Rows never interact, so slices can run concurrently: each `run` owns its projection, state and
/// scratch buffers and writes only its own rows of the final states and the sequence.
///
/// Inside the loop every matrix is unit-major, the transpose of Keras's layout: the projection is
/// (gates · units, rows) and each state (units, rows). Each gate block is then one contiguous run
/// for the whole slice, so a cell applies its activations and its state update in a few long
/// vector loops instead of several short ones per row (LSTM 5–8 % faster, BENCHMARKS.md), and
/// OpenBLAS computes the step's (gates · units, k) × (k, rows) products as fast as the
/// batch-major ones. Each step projects its own inputs into a buffer that stays in cache; one GEMM
/// over all timesteps wrote and re-read a 6.5 MB buffer and was slower.
struct TimeLoop: @unchecked Sendable {
    let cell: any RecurrentCell
    let batchSize: Int
    let timesteps: Int
    let features: Int
    /// The timestep read at processing step s.
    let timestep: (Int) -> Int
    let mask: SequenceMask?
    let zeroOutputForMask: Bool
    /// (batchSize, timesteps, features).
    let input: UnsafePointer<Float>
    /// (gateCount · units, features): the kernel transposed.
    let kernel: UnsafePointer<Float>
    /// (gateCount · units, units): the recurrent kernel transposed.
    let recurrentKernel: UnsafePointer<Float>
    let bias: UnsafePointer<Float>?
    /// (stateCount, batchSize, units) to start from, or nil for zeros.
    let initialStates: UnsafePointer<Float>?
    /// (stateCount, batchSize, units), written at the end.
    let finalStates: UnsafeMutablePointer<Float>
    /// (batchSize, units): each sequence's output at the last processing step, written at the end.
    let lastOutputs: UnsafeMutablePointer<Float>
    /// (batchSize, timesteps, units) for a layer that returns sequences, else nil.
    let sequence: UnsafeMutablePointer<Float>?
    /// (inputDropoutGroups, batchSize, features): the input's dropout scales (`RecurrentDropoutMasks`),
    /// or nil without input dropout.
    var inputDropout: UnsafePointer<Float>? = nil
    var inputDropoutGroups = 1
    /// (batchSize, gateCount · units): the dropout scales of h_{t−1} per gate, or nil without recurrent dropout.
    var recurrentDropout: UnsafePointer<Float>? = nil

    /// How many copies of each step's input the kernel multiplies: one per input dropout mask.
    var inputGroups: Int { inputDropout == nil ? 1 : inputDropoutGroups }

    /// Runs every timestep for the sequences `rows`, keeping in `trace` what the backward pass needs.
    ///
    /// Outputs follow Keras's masking: a masked step repeats the previous step's output (zeros
    /// before the first real step, whatever the initial state), or outputs zeros with
    /// `zeroOutputForMask`, while the states carry over unchanged.
    func run(rows: Range<Int>, trace: RecurrentTrace? = nil) {
        let u = cell.units, width = cell.gateCount * u, count = rows.count
        let stateSize = cell.stateCount * u * count
        // Two state blocks, current and next, swapped every step; or the trace's history.
        let states = trace?.states ?? CacheAlignedBuffer.allocate(count: 2 * stateSize)
        defer { if trace == nil { CacheAlignedBuffer.deallocate(states) } }
        states.initialize(repeating: 0, count: 2 * stateSize)
        if let initialStates {
            for state in 0..<cell.stateCount {
                for (local, row) in rows.enumerated() {
                    loadColumn(local, of: states + state * u * count, count: count,
                               from: initialStates + (state * batchSize + row) * u)
                }
            }
        }
        // Whether each row's current step is real, when there is a mask (1 or 0, for the column kernels).
        var isReal = [UInt8](repeating: 1, count: count)
        // Each sequence's latest output, (units, rows); without a mask it is always h.
        let outputs = CacheAlignedBuffer.allocate(count: u * count)
        defer { CacheAlignedBuffer.deallocate(outputs) }
        outputs.initialize(repeating: 0, count: u * count)
        let scratch = CacheAlignedBuffer.allocate(count: cell.scratchWidth * count)
        defer { CacheAlignedBuffer.deallocate(scratch) }
        let ownProjection = trace == nil ? CacheAlignedBuffer.allocate(count: width * count) : nil
        defer { ownProjection.map(CacheAlignedBuffer.deallocate) }
        let ownStepInput = trace == nil ? CacheAlignedBuffer.allocate(count: inputGroups * features * count) : nil
        defer { ownStepInput.map(CacheAlignedBuffer.deallocate) }
        // With recurrent dropout: these rows' scales, (gateCount · units, rows) like the projection,
        // and each step's h_{t−1} times them, one copy per gate.
        let recurrentScales = recurrentDropout.map { _ in unitMajorRecurrentScales(rows: rows) }
        defer { recurrentScales.map(CacheAlignedBuffer.deallocate) }
        let droppedStates = recurrentDropout == nil ? nil : CacheAlignedBuffer.allocate(count: width * count)
        defer { droppedStates.map(CacheAlignedBuffer.deallocate) }
        if let trace { folio_copy_block(states, count, u, count, trace.hHistory, trace.stride + count) }

        for s in 0..<timesteps {
            let previous: UnsafeMutablePointer<Float>, next: UnsafeMutablePointer<Float>
            let projection: UnsafeMutablePointer<Float>
            if let trace {
                previous = trace.states(before: s)
                next = trace.states(before: s + 1)
                projection = trace.gates(at: s)
                project(step: s, rows: rows, through: trace.inputs + s * count, leadingDimension: trace.stride, into: projection)
            } else {
                previous = states + (s % 2) * stateSize
                next = states + ((s + 1) % 2) * stateSize
                projection = ownProjection!
                project(step: s, rows: rows, through: ownStepInput!, leadingDimension: count, into: projection)
            }
            if let recurrentScales, let droppedStates {
                for gate in 0..<cell.gateCount {
                    let block = gate * u * count
                    for k in 0..<(u * count) { droppedStates[block + k] = recurrentScales[block + k] * previous[k] }
                }
            }
            var step = RecurrentStep(
                units: u, batchSize: count, projection: projection,
                previous: previous, next: next, recurrentKernel: recurrentKernel, bias: bias, scratch: scratch)
            step.droppedStates = droppedStates.map { UnsafePointer($0) }
            step.preActivations = trace?.preActivations(at: s)
            cell.step(step)
            var output = UnsafePointer(next)
            if let mask {
                // A real step's output is h; a masked one keeps the states and repeats the output.
                for (local, row) in rows.enumerated() { isReal[local] = mask[row, timestep(s)] ? 1 : 0 }
                folio_copy_columns(outputs, count, next, count, u, count, isReal, 1)
                folio_copy_columns(next, count, previous, count, cell.stateCount * u, count, isReal, 0)
                if zeroOutputForMask { folio_zero_columns(outputs, count, u, count, isReal, 0) }
                output = UnsafePointer(outputs)
            }
            if let sequence {
                folio_transpose_block(output, count, u, count, sequence + (rows.lowerBound * timesteps + s) * u, timesteps * u)
            }
            if let trace { record(step: s, next: next, scratch: scratch, droppedStates: droppedStates, into: trace) }
        }

        let final = trace?.states(before: timesteps) ?? states + (timesteps % 2) * stateSize
        for (local, row) in rows.enumerated() {
            for state in 0..<cell.stateCount {
                storeColumn(local, of: final + state * u * count, count: count,
                            into: finalStates + (state * batchSize + row) * u)
            }
            storeColumn(local, of: mask == nil ? final : outputs, count: count, into: lastOutputs + row * u)
        }
    }

    /// Copies the `units` values at `source` into column `column` of the unit-major (units, count) `block`.
    private func loadColumn(_ column: Int, of block: UnsafeMutablePointer<Float>, count: Int, from source: UnsafePointer<Float>) {
        for j in 0..<cell.units { block[j * count + column] = source[j] }
    }

    /// Copies column `column` of the unit-major (units, count) `block` to the `units` values at `destination`.
    private func storeColumn(_ column: Int, of block: UnsafePointer<Float>, count: Int, into destination: UnsafeMutablePointer<Float>) {
        for j in 0..<cell.units { destination[j] = block[j * count + column] }
    }

    /// The recurrent dropout scales of the sequences `rows`, unit-major: (gateCount · units, rows.count).
    /// The caller deallocates the buffer (`CacheAlignedBuffer`).
    func unitMajorRecurrentScales(rows: Range<Int>) -> UnsafeMutablePointer<Float> {
        let width = cell.gateCount * cell.units, count = rows.count
        let scales = CacheAlignedBuffer.allocate(count: width * count)
        for (local, row) in rows.enumerated() {
            for k in 0..<width { scales[k * count + local] = recurrentDropout![row * width + k] }
        }
        return scales
    }

    /// kernelᵀ · xᵀ + input bias of processing step `step` for the sequences `rows`, (width, rows.count);
    /// xᵀ goes through `stepInput`, whose rows are `leadingDimension` apart. With input dropout xᵀ is
    /// scaled by its mask, once per input group, and each group's gates multiply their own copy.
    private func project(step: Int, rows: Range<Int>, through stepInput: UnsafeMutablePointer<Float>, leadingDimension: Int,
                         into projection: UnsafeMutablePointer<Float>) {
        let width = cell.gateCount * cell.units, count = rows.count
        if let bias { folio_fill_rows(projection, width, count, bias) }
        guard let inputDropout else {
            // xᵀ: row b of x at this timestep is input[b, t].
            folio_transpose_block(input + (rows.lowerBound * timesteps + timestep(step)) * features, timesteps * features,
                                  count, features, stepInput, leadingDimension)
            multiplyMatrices(m: width, n: count, k: features, kernel, lda: features,
                             stepInput, ldb: leadingDimension, into: projection, ldc: count, beta: bias == nil ? 0 : 1)
            return
        }
        let groupWidth = width / inputDropoutGroups
        for group in 0..<inputDropoutGroups {
            let groupInput = stepInput + group * features * leadingDimension
            for (local, row) in rows.enumerated() {
                let x = input + (row * timesteps + timestep(step)) * features
                let scales = inputDropout + (group * batchSize + row) * features
                for feature in 0..<features { groupInput[feature * leadingDimension + local] = x[feature] * scales[feature] }
            }
            multiplyMatrices(m: groupWidth, n: count, k: features, kernel + group * groupWidth * features, lda: features,
                             groupInput, ldb: leadingDimension,
                             into: projection + group * groupWidth * count, ldc: count, beta: bias == nil ? 0 : 1)
        }
    }

    /// Copies step `step`'s h (and the scratch rows the cell asks for, and the dropped h_{t−1} the
    /// recurrent kernel multiplied) into the trace's all-timestep matrices.
    private func record(step: Int, next: UnsafePointer<Float>, scratch: UnsafePointer<Float>,
                        droppedStates: UnsafePointer<Float>?, into trace: RecurrentTrace) {
        let count = trace.rows, u = cell.units
        folio_copy_block(next, count, u, count, trace.hHistory + (step + 1) * count, trace.stride + count)
        if let droppedStates, let history = trace.droppedStates {
            folio_copy_block(droppedStates, count, cell.gateCount * u, count, history + step * count, trace.stride)
        }
        if let rows = cell.tracedScratchRows, let history = trace.scratchHistory {
            folio_copy_block(scratch + rows.lowerBound * count, count, u, count, history + step * count, trace.stride)
        }
    }
}
