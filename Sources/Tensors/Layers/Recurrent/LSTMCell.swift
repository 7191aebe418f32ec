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
    var gateCount: Int { 4 }
    var stateCount: Int { 2 }
    var biasShape: TensorShape { [4 * units] }
    var biasInitializer: any Initializer { unitForgetBias ? UnitForgetBias() : Zeros() }
    var scratchWidth: Int { 0 }

    func step(_ step: RecurrentStep) {
        let u = units, batchSize = step.batchSize
        multiplyMatrices(m: batchSize, n: 4 * u, k: u, step.previous, lda: u,
                         step.recurrentKernel, ldb: 4 * u, into: step.projection, ldc: 4 * u, beta: 1)
        let previousCell = step.previous + batchSize * u
        let nextCell = step.next + batchSize * u
        for row in 0..<batchSize {
            let z = step.projection + row * 4 * u
            recurrentActivation.applyFast(z, count: 2 * u)  // i, f
            activation.applyFast(z + 2 * u, count: u)  // candidate
            recurrentActivation.applyFast(z + 3 * u, count: u)  // o
            let cPrevious = previousCell + row * u, c = nextCell + row * u, h = step.next + row * u
            for j in 0..<u { c[j] = z[u + j] * cPrevious[j] + z[j] * z[2 * u + j] }
            h.update(from: c, count: u)
            activation.applyFast(h, count: u)
            for j in 0..<u { h[j] *= z[3 * u + j] }
        }
    }
}
