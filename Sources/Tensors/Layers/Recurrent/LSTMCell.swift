internal import CKernels

/// Keras's `LSTMCell`, gates in kernel-column order i, f, c, o:
/// i = σ(zᵢ), f = σ(z_f), o = σ(z_o), c = f · c_prev + i · act(z_c), h = o · act(c),
/// where z = x · W + b + h_prev · U and σ is the recurrent activation.
struct LSTMCell: RecurrentCell {
    let units: Int
    let activation: Activation
    let recurrentActivation: Activation
    let useBias: Bool
    let unitForgetBias: Bool

    var kindName: String { "LSTM" }
    var activations: [Activation] { [activation, recurrentActivation] }
    var gateCount: Int { 4 }
    var stateCount: Int { 2 }
    var biasShape: TensorShape { [4 * units] }
    var biasInitializer: any Initializer { unitForgetBias ? UnitForgetBias() : Zeros() }
    var scratchWidth: Int { 0 }

    func step(_ step: RecurrentStep) {
        step.multiplyRecurrentKernel(gateRows: 0..<(4 * units))
        let block = units * step.batchSize, z = step.projection
        step.activate(recurrentActivation, z, count: 2 * block)  // i, f
        step.activate(activation, z + 2 * block, count: block)  // candidate
        step.activate(recurrentActivation, z + 3 * block, count: block)  // o
        let cPrevious = step.previous + block, c = step.next + block, h = step.next
        if let kind = activation.kernelKind {
            folio_lstm_update(z, z + block, z + 2 * block, z + 3 * block, cPrevious, c, h, block, kind)
        } else {
            // An activation the C kernels lack: the same update in three passes.
            for j in 0..<block { c[j] = z[block + j] * cPrevious[j] + z[j] * z[2 * block + j] }
            h.update(from: c, count: block)
            activation.applyFast(h, count: block)
            for j in 0..<block { h[j] *= z[3 * block + j] }
        }
    }
}
