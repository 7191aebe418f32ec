/// Keras's `SimpleRNNCell`: h = activation(x · W + b + h_prev · U).
struct SimpleRNNCell: RecurrentCell {
    let units: Int
    let activation: Activation
    let useBias: Bool

    var kindName: String { "SimpleRNN" }
    var gateCount: Int { 1 }
    var stateCount: Int { 1 }
    var biasShape: TensorShape { [units] }
    var biasInitializer: any Initializer { Zeros() }
    var scratchWidth: Int { 0 }

    func step(_ step: RecurrentStep) {
        multiplyMatrices(m: step.batchSize, n: units, k: units, step.previous, lda: units,
                         step.recurrentKernel, ldb: units, into: step.projection, ldc: units, beta: 1)
        let count = step.batchSize * units
        activation.applyFast(step.projection, count: count)
        step.next.update(from: step.projection, count: count)
    }
}
