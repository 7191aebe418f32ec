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
    /// (stateCount, batchSize, units), written at the end.
    let finalStates: UnsafeMutablePointer<Float>
    /// (batchSize, timesteps, units) for a layer that returns sequences, else nil.
    let sequence: UnsafeMutablePointer<Float>?

    /// Runs every timestep for the sequences `rows`.
    func run(rows: Range<Int>) {
        let u = cell.units, width = cell.gateCount * u, count = rows.count
        let stateSize = cell.stateCount * u * count
        // Two state blocks, current and next, swapped every step.
        let states = CacheAlignedBuffer.allocate(count: 2 * stateSize)
        defer { CacheAlignedBuffer.deallocate(states) }
        states.initialize(repeating: 0, count: 2 * stateSize)
        let scratch = CacheAlignedBuffer.allocate(count: cell.scratchWidth * count)
        defer { CacheAlignedBuffer.deallocate(scratch) }
        let projection = CacheAlignedBuffer.allocate(count: width * count)
        defer { CacheAlignedBuffer.deallocate(projection) }
        let stepInput = CacheAlignedBuffer.allocate(count: features * count)
        defer { CacheAlignedBuffer.deallocate(stepInput) }

        for s in 0..<timesteps {
            let previous = states + (s % 2) * stateSize, next = states + ((s + 1) % 2) * stateSize
            project(step: s, rows: rows, through: stepInput, into: projection)
            cell.step(RecurrentStep(
                units: u, batchSize: count, projection: projection,
                previous: previous, next: next, recurrentKernel: recurrentKernel, bias: bias, scratch: scratch))
            for (local, row) in rows.enumerated() {
                let isReal = mask?[row, timestep(s)] ?? true
                if !isReal {
                    for j in 0..<(cell.stateCount * u) { next[j * count + local] = previous[j * count + local] }
                }
                guard let sequence, isReal || !zeroOutputForMask else { continue }
                let output = sequence + (row * timesteps + s) * u
                for j in 0..<u { output[j] = next[j * count + local] }
            }
        }

        let final = states + (timesteps % 2) * stateSize
        for state in 0..<cell.stateCount {
            let source = final + state * u * count
            for (local, row) in rows.enumerated() {
                let destination = finalStates + (state * batchSize + row) * u
                for j in 0..<u { destination[j] = source[j * count + local] }
            }
        }
    }

    /// kernelᵀ · xᵀ + input bias of processing step `step` for the sequences `rows`, (width, rows.count).
    private func project(step: Int, rows: Range<Int>, through stepInput: UnsafeMutablePointer<Float>,
                         into projection: UnsafeMutablePointer<Float>) {
        let width = cell.gateCount * cell.units, count = rows.count
        // xᵀ: row b of x at this timestep is input[b, t].
        for (local, row) in rows.enumerated() {
            let x = input + (row * timesteps + timestep(step)) * features
            for feature in 0..<features { stepInput[feature * count + local] = x[feature] }
        }
        if let bias { projection.fillRows(with: bias, rows: width, columns: count) }
        multiplyMatrices(m: width, n: count, k: features, kernel, lda: features,
                         stepInput, ldb: count, into: projection, ldc: count, beta: bias == nil ? 0 : 1)
    }
}
