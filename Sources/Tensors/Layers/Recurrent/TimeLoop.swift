/// The per-timestep loop of one `RecurrentLayer` call over a slice of the batch's rows.
///
/// Rows never interact, so slices can run concurrently: each `run` owns its state and scratch
/// buffers and writes only its own rows of the projection, the final states and the sequence.
struct TimeLoop: @unchecked Sendable {
    let cell: any RecurrentCell
    let batchSize: Int
    let timesteps: Int
    /// The timestep read at processing step s.
    let timestep: (Int) -> Int
    let mask: SequenceMask?
    let zeroOutputForMask: Bool
    /// (timesteps · batchSize, gateCount · units), time-major in processing order.
    let projection: UnsafeMutablePointer<Float>
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

        for s in 0..<timesteps {
            let previous = states + (s % 2) * stateSize, next = states + ((s + 1) % 2) * stateSize
            cell.step(RecurrentStep(
                batchSize: count, projection: projection + (s * batchSize + rows.lowerBound) * width,
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
}
