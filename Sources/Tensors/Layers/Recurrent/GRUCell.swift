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
            let x = step.projection + row * 3 * u, h = inner + row * 3 * u
            for j in 0..<(2 * u) { x[j] += h[j] }
            recurrentActivation.applyFast(x, count: 2 * u)  // z, r
            for j in 0..<u { x[2 * u + j] += x[u + j] * h[2 * u + j] }
            activation.applyFast(x + 2 * u, count: u)  // hh
            blend(x, previous: step.previous + row * u, into: step.next + row * u)
        }
    }

    private func stepResettingBefore(_ step: RecurrentStep) {
        let u = units, batchSize = step.batchSize
        // z and r pre-activations: add h_prev · U_zr onto the first two blocks of the projection.
        multiplyMatrices(m: batchSize, n: 2 * u, k: u, step.previous, lda: u,
                         step.recurrentKernel, ldb: 3 * u, into: step.projection, ldc: 3 * u, beta: 1)
        let resetState = step.scratch
        for row in 0..<batchSize {
            let x = step.projection + row * 3 * u, previous = step.previous + row * u, reset = resetState + row * u
            recurrentActivation.applyFast(x, count: 2 * u)  // z, r
            for j in 0..<u { reset[j] = x[u + j] * previous[j] }
        }
        // Candidate pre-activation: add (r · h_prev) · U_h onto the third block.
        multiplyMatrices(m: batchSize, n: u, k: u, resetState, lda: u,
                         step.recurrentKernel + 2 * u, ldb: 3 * u, into: step.projection + 2 * u, ldc: 3 * u, beta: 1)
        for row in 0..<batchSize {
            let x = step.projection + row * 3 * u
            activation.applyFast(x + 2 * u, count: u)  // hh
            blend(x, previous: step.previous + row * u, into: step.next + row * u)
        }
    }

    /// h = z · h_prev + (1 − z) · hh for one row, with z and hh in the first and third blocks of `gates`.
    @inline(__always)
    private func blend(_ gates: UnsafeMutablePointer<Float>, previous: UnsafePointer<Float>, into h: UnsafeMutablePointer<Float>) {
        let u = units
        for j in 0..<u { h[j] = gates[j] * previous[j] + (1 - gates[j]) * gates[2 * u + j] }
    }
}
