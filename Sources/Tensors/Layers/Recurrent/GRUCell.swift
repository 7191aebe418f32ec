internal import CKernels

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
    var activations: [Activation] { [activation, recurrentActivation] }
    var gateCount: Int { 3 }
    var stateCount: Int { 1 }
    var biasShape: TensorShape { resetAfter ? [2, 3 * units] : [3 * units] }
    var biasInitializer: any Initializer { Zeros() }
    var scratchWidth: Int { resetAfter ? 3 * units : units }

    func step(_ step: RecurrentStep) {
        if resetAfter { stepResettingAfter(step) } else { stepResettingBefore(step) }
    }

    private func stepResettingAfter(_ step: RecurrentStep) {
        let block = units * step.batchSize, x = step.projection
        // inner = U · h_prev + recurrent bias, all three blocks.
        let inner = step.scratch
        if let bias = step.bias { folio_fill_rows(inner, 3 * units, step.batchSize, bias + 3 * units) }
        step.multiplyRecurrentKernel(gateRows: 0..<(3 * units), into: inner, beta: step.bias == nil ? 0 : 1)
        for j in 0..<(2 * block) { x[j] += inner[j] }
        step.activate(recurrentActivation, x, count: 2 * block)  // z, r
        for j in 0..<block { x[2 * block + j] += x[block + j] * inner[2 * block + j] }
        step.activate(activation, x + 2 * block, count: block)  // hh
        blend(step)
    }

    private func stepResettingBefore(_ step: RecurrentStep) {
        let block = units * step.batchSize, x = step.projection
        // z and r pre-activations: add U_zr · h_prev onto the first two blocks of the projection.
        step.multiplyRecurrentKernel(gateRows: 0..<(2 * units))
        step.activate(recurrentActivation, x, count: 2 * block)  // z, r
        let resetState = step.scratch, previous = step.recurrentInput(gate: 2)
        for j in 0..<block { resetState[j] = x[block + j] * previous[j] }
        // Candidate pre-activation: add U_h · (r · h_prev) onto the third block.
        step.multiplyRecurrentKernel(gateRows: (2 * units)..<(3 * units), by: resetState)
        step.activate(activation, x + 2 * block, count: block)  // hh
        blend(step)
    }

    /// h = z · h_prev + (1 − z) · hh, with z and hh in the first and third blocks of the projection.
    @inline(__always)
    private func blend(_ step: RecurrentStep) {
        let block = units * step.batchSize, gates = step.projection, previous = step.previous, h = step.next
        for j in 0..<block { h[j] = gates[j] * previous[j] + (1 - gates[j]) * gates[2 * block + j] }
    }
}
