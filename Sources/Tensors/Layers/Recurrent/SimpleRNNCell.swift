/// Keras's `SimpleRNNCell`: h = activation(x · W + b + h_prev · U).
struct SimpleRNNCell: RecurrentCell {
    let units: Int
    let activation: Activation
    let useBias: Bool

    var kindName: String { "SimpleRNN" }
    var activations: [Activation] { [activation] }
    var gateCount: Int { 1 }
    var stateCount: Int { 1 }
    var biasShape: TensorShape { [units] }
    var biasInitializer: any Initializer { Zeros() }
    var scratchWidth: Int { 0 }

    func step(_ step: RecurrentStep) {
        step.multiplyRecurrentKernel(gateRows: 0..<units)
        let count = units * step.batchSize
        step.activate(activation, step.projection, count: count)
        step.next.update(from: step.projection, count: count)
    }
}
