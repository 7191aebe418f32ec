/// One call of a recurrent layer, checked, built and with its dropout masks drawn: ready to run on
/// any thread. Preparing reads the task's learning phase and the seeded generator, so it happens on
/// the calling thread, in call order; running reads neither.
struct RecurrentCall: @unchecked Sendable {
    let layer: RecurrentLayer
    let input: Tensor
    let initialState: [Tensor]?
    let dropoutMasks: RecurrentDropoutMasks?

    var batchSize: Int { input.shape[0] }
    var timesteps: Int { input.shape[1] }
    var features: Int { input.shape[2] }

    /// The call's recurrent multiply-adds (timesteps · batch · gates · units²): what makes it worth threads.
    var work: Int { timesteps * batchSize * layer.cell.gateCount * layer.units * layer.units }
}

/// What one call computed, and for a recorded call what its backward pass needs.
struct RecurrentRun: @unchecked Sendable {
    let output: Tensor
    let states: [Tensor]
    /// How the batch was split across threads; the backward pass splits it the same way.
    let partition: BatchPartition
    /// One per slice of the batch when recording, else empty.
    let traces: [RecurrentTrace]
    /// The transposed kernels and the bias the call multiplied, for its backward pass.
    let kernel: [Float]
    let recurrentKernel: [Float]
    let bias: [Float]
}
