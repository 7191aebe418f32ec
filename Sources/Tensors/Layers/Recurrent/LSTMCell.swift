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
            let state = row * u
            forEachVectorBlock(count: u) { j, lanes in
                let input = recurrentActivation((z + j).loadVector(lanes: lanes))
                let forget = recurrentActivation((z + u + j).loadVector(lanes: lanes))
                let candidate = activation((z + 2 * u + j).loadVector(lanes: lanes))
                let output = recurrentActivation((z + 3 * u + j).loadVector(lanes: lanes))
                let cell = forget * (previousCell + state + j).loadVector(lanes: lanes) + input * candidate
                (nextCell + state + j).storeVector(cell, lanes: lanes)
                (step.next + state + j).storeVector(output * activation(cell), lanes: lanes)
            }
        }
    }
}
