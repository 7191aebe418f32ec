/// One `RecurrentLayer` call over a slice of the batch's rows: the input projection, then the
/// per-timestep loop.
///
/// Rows never interact, so slices can run concurrently: each `run` owns its projection, state and
/// scratch buffers and writes only its own rows of the final states and the sequence. Projecting
/// per slice also keeps every GEMM of the call on the slice's thread, so OpenBLAS's worker threads
/// are not woken and left spinning beside the slices.
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
        let projection = projectInputs(rows: rows)
        defer { projection.deallocate() }

        for s in 0..<timesteps {
            let previous = states + (s % 2) * stateSize, next = states + ((s + 1) % 2) * stateSize
            cell.step(RecurrentStep(
                batchSize: count, projection: projection + s * count * width,
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

    /// x · kernel + input bias for every timestep of `rows` in one GEMM, time-major in processing
    /// order: row s · rows.count + i holds sequence rows.lowerBound + i at `timestep(s)`. The caller
    /// deallocates the buffer.
    private func projectInputs(rows: Range<Int>) -> UnsafeMutablePointer<Float> {
        let width = cell.gateCount * cell.units, count = rows.count, projected = timesteps * count
        let timeMajor = UnsafeMutablePointer<Float>.allocate(capacity: projected * features)
        defer { timeMajor.deallocate() }
        for s in 0..<timesteps {
            let t = timestep(s)
            for (local, row) in rows.enumerated() {
                (timeMajor + (s * count + local) * features)
                    .initialize(from: input + (row * timesteps + t) * features, count: features)
            }
        }
        let projection = UnsafeMutablePointer<Float>.allocate(capacity: projected * width)
        if let bias {
            for row in 0..<projected { (projection + row * width).initialize(from: bias, count: width) }
        } else {
            projection.initialize(repeating: 0, count: projected * width)
        }
        multiplyMatrices(m: projected, n: width, k: features, timeMajor, lda: features,
                         kernel, ldb: width, into: projection, ldc: width, beta: 1)
        return projection
    }
}
