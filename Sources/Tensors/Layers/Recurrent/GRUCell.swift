/// Keras's `GRUCell`, gates in kernel-column order z (update), r (reset), h (candidate):
/// z = σ(x_z + h_prev · U_z), r = σ(x_r + h_prev · U_r), h = z · h_prev + (1 − z) · hh, with
/// - `resetAfter` (Keras 3's default, cuDNN-compatible): hh = act(x_h + r · (h_prev · U_h + b_rec_h)),
///   and the bias is (2, 3 · units): input bias row, then recurrent bias row;
/// - otherwise: hh = act(x_h + (r · h_prev) · U_h), and the bias is (3 · units,), on the input only.
/// Here x_* = x · W_* + input bias_* and σ is the recurrent activation.
struct GRUCell: RecurrentCell {
    let units: Int
    let activation: Activation
    let recurrentActivation: Activation
    let useBias: Bool
    let resetAfter: Bool

    var kindName: String { "GRU" }
    var gateCount: Int { 3 }
    var stateCount: Int { 1 }
    var biasShape: TensorShape { resetAfter ? [2, 3 * units] : [3 * units] }
    var biasInitializer: any Initializer { Zeros() }
    var scratchWidth: Int { resetAfter ? 3 * units : units }

    func step(_ step: RecurrentStep) {
        if resetAfter { stepResettingAfter(step) } else { stepResettingBefore(step) }
    }

    private func stepResettingAfter(_ step: RecurrentStep) {
        let u = units, batchSize = step.batchSize
        // inner = h_prev · U + recurrent bias, all three blocks.
        let inner = step.scratch
        if let bias = step.bias {
            for row in 0..<batchSize { (inner + row * 3 * u).update(from: bias + 3 * u, count: 3 * u) }
        }
        multiplyMatrices(m: batchSize, n: 3 * u, k: u, step.previous, lda: u,
                         step.recurrentKernel, ldb: 3 * u, into: inner, ldc: 3 * u, beta: step.bias == nil ? 0 : 1)
        for row in 0..<batchSize {
            let x = step.projection + row * 3 * u
            let h = inner + row * 3 * u
            let state = row * u
            forEachVectorBlock(count: u) { j, lanes in
                let update = recurrentActivation((x + j).loadVector(lanes: lanes) + (h + j).loadVector(lanes: lanes))
                let reset = recurrentActivation((x + u + j).loadVector(lanes: lanes) + (h + u + j).loadVector(lanes: lanes))
                let candidate = activation((x + 2 * u + j).loadVector(lanes: lanes) + reset * (h + 2 * u + j).loadVector(lanes: lanes))
                let previous = (step.previous + state + j).loadVector(lanes: lanes)
                (step.next + state + j).storeVector(update * previous + (1 - update) * candidate, lanes: lanes)
            }
        }
    }

    private func stepResettingBefore(_ step: RecurrentStep) {
        let u = units, batchSize = step.batchSize
        // z and r pre-activations: add h_prev · U_zr onto the first two blocks of the projection.
        multiplyMatrices(m: batchSize, n: 2 * u, k: u, step.previous, lda: u,
                         step.recurrentKernel, ldb: 3 * u, into: step.projection, ldc: 3 * u, beta: 1)
        let resetState = step.scratch
        for row in 0..<batchSize {
            let x = step.projection + row * 3 * u
            let state = row * u
            forEachVectorBlock(count: u) { j, lanes in
                let update = recurrentActivation((x + j).loadVector(lanes: lanes))
                let reset = recurrentActivation((x + u + j).loadVector(lanes: lanes))
                (x + j).storeVector(update, lanes: lanes)
                (resetState + state + j).storeVector(reset * (step.previous + state + j).loadVector(lanes: lanes), lanes: lanes)
            }
        }
        // Candidate pre-activation: add (r · h_prev) · U_h onto the third block.
        multiplyMatrices(m: batchSize, n: u, k: u, resetState, lda: u,
                         step.recurrentKernel + 2 * u, ldb: 3 * u, into: step.projection + 2 * u, ldc: 3 * u, beta: 1)
        for row in 0..<batchSize {
            let x = step.projection + row * 3 * u
            let state = row * u
            forEachVectorBlock(count: u) { j, lanes in
                let update = (x + j).loadVector(lanes: lanes)
                let candidate = activation((x + 2 * u + j).loadVector(lanes: lanes))
                let previous = (step.previous + state + j).loadVector(lanes: lanes)
                (step.next + state + j).storeVector(update * previous + (1 - update) * candidate, lanes: lanes)
            }
        }
    }
}
