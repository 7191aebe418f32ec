/// Stochastic gradient descent, optionally with momentum or Nesterov momentum; Keras's `SGD`
/// (defaults: learning rate 0.01, momentum 0).
///
/// Without momentum p −= lr · g. With it, m = momentum · m − lr · g, then p += m, or with
/// `nesterov` p += momentum · m − lr · g. An embedding's sparse rows are summed first.
public final class SGD: Optimizer {
    public let momentum: Float
    public let nesterov: Bool

    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false,
                clipnorm: Float? = nil, clipvalue: Float? = nil, globalClipnorm: Float? = nil) {
        require(momentum >= 0 && momentum <= 1, "SGD: momentum must be in [0, 1], got \(momentum)")
        self.momentum = momentum
        self.nesterov = nesterov
        super.init(name: "sgd", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    override var slotNames: [String] { momentum != 0 ? ["momentum"] : [] }

    override func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {
        let g = gradient.values, lr = learningRate
        guard momentum != 0 else {
            for i in parameter.indices { parameter[i] -= g[i] * lr }
            return
        }
        for i in parameter.indices {
            let m = -g[i] * lr + slots[0][i] * momentum
            slots[0][i] = m
            parameter[i] += nesterov ? -g[i] * lr + m * momentum : m
        }
    }
}
