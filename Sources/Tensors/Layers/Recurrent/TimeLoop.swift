/// One `RecurrentLayer` call over a slice of the batch's rows: per timestep, the input projection
/// x · kernel + bias, then the cell's step.
///
/// Rows never interact, so slices can run concurrently: each `run` owns its projection, state and
/// scratch buffers and writes only its own rows of the final states and the sequence.
///
/// Each step projects its own inputs, a (rows, features) × (features, gates · units) product
/// small enough for OpenBLAS's in-place kernels, into a buffer that stays in cache. One GEMM over
/// all timesteps, as before, wrote and re-read a (timesteps · rows, gates · units) buffer (6.5 MB
/// per slice for LSTM(256) on 32 × 100 steps) and was measurably slower (BENCHMARKS.md); it also
/// woke OpenBLAS's worker threads, which then spun beside the slices.
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
    /// (features, gateCount · units).
    let kernel: UnsafePointer<Float>
    /// (units, gateCount · units).
    let recurrentKernel: UnsafePointer<Float>
    let bias: UnsafePointer<Float>?
    /// (stateCount, batchSize, units), written at the end.
    let finalStates: UnsafeMutablePointer<Float>
    /// (batchSize, timesteps, units) for a layer that returns sequences, else nil.
    let sequence: UnsafeMutablePointer<Float>?

    /// Runs every timestep for the sequences `rows`.
    func run(rows: Range<Int>) {
        let u = cell.units, width = cell.gateCount * u, count = rows.count
        let stateSize = cell.stateCount * count * u
        // Two state blocks, current and next, swapped every step.
        let states = UnsafeMutablePointer<Float>.allocate(capacity: 2 * stateSize)
        states.initialize(repeating: 0, count: 2 * stateSize)
        defer { states.deallocate() }
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, count * cell.scratchWidth))
        defer { scratch.deallocate() }
        let projection = UnsafeMutablePointer<Float>.allocate(capacity: count * width)
        projection.initialize(repeating: 0, count: count * width)
        defer { projection.deallocate() }

        for s in 0..<timesteps {
            let previous = states + (s % 2) * stateSize, next = states + ((s + 1) % 2) * stateSize
            project(step: s, rows: rows, into: projection)
            cell.step(RecurrentStep(
                batchSize: count, projection: projection,
                previous: previous, next: next, recurrentKernel: recurrentKernel, bias: bias, scratch: scratch))
            for (local, row) in rows.enumerated() {
                let isReal = mask?[row, timestep(s)] ?? true
                if !isReal {
                    for state in 0..<cell.stateCount {
                        let offset = state * count * u + local * u
                        (next + offset).update(from: previous + offset, count: u)
                    }
                }
                guard let sequence, isReal || !zeroOutputForMask else { continue }
                (sequence + (row * timesteps + s) * u).update(from: next + local * u, count: u)
            }
        }

        let final = states + (timesteps % 2) * stateSize
        for state in 0..<cell.stateCount {
            (finalStates + state * batchSize * u + rows.lowerBound * u)
                .update(from: final + state * count * u, count: count * u)
        }
    }

    /// x · kernel + input bias of processing step `step` for the sequences `rows`, (rows.count, width).
    private func project(step: Int, rows: Range<Int>, into projection: UnsafeMutablePointer<Float>) {
        let width = cell.gateCount * cell.units, count = rows.count
        if let bias {
            for row in 0..<count { (projection + row * width).update(from: bias, count: width) }
        } else {
            projection.update(repeating: 0, count: count * width)
        }
        // Row b of x at this timestep is input[b, t]: rows lie timesteps · features apart.
        multiplyMatrices(m: count, n: width, k: features,
                         input + (rows.lowerBound * timesteps + timestep(step)) * features, lda: timesteps * features,
                         kernel, ldb: width, into: projection, ldc: width, beta: 1)
    }
}
