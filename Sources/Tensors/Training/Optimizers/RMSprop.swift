/// RMSprop (Hinton); Keras's `RMSprop` (defaults: learning rate 0.001, ρ 0.9, momentum 0, ε 1e-7).
///
/// v = ρ · v + (1 − ρ) · g²; step = lr · g / √(v + ε), with ε inside the root, as Keras does; with
/// momentum, m = momentum · m + step and p −= m, else p −= step. For an embedding's sparse rows
/// g² is the sum of each occurrence's square, and only rows present in the batch move.
public final class RMSprop: Optimizer {
    public let rho: Float
    public let momentum: Float
    public let epsilon: Float

    public init(learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7,
                clipnorm: Float? = nil, clipvalue: Float? = nil, globalClipnorm: Float? = nil) {
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        super.init(name: "rmsprop", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    override var slotNames: [String] { momentum > 0 ? ["velocity", "momentum"] : ["velocity"] }
    override var slotGroups: [[String]] { slotNames.map { [$0] } }

    override func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {
        let g = gradient.values, squared = gradient.squared(), lr = learningRate
        for i in parameter.indices {
            slots[0][i] = rho * slots[0][i] + (1 - rho) * squared[i]
            let increment = lr * g[i] / (slots[0][i] + epsilon).squareRoot()
            if momentum > 0 {
                slots[1][i] = momentum * slots[1][i] + increment
                parameter[i] -= slots[1][i]
            } else {
                parameter[i] -= increment
            }
        }
    }
}
