/// Adagrad (Duchi et al., 2011); Keras's `Adagrad` (defaults: learning rate 0.001, initial
/// accumulator 0.1, ε 1e-7).
///
/// a += g²; p −= lr · g / √(a + ε). For an embedding's sparse rows g² is the sum of each occurrence's square.
public final class Adagrad: Optimizer {
    public let initialAccumulatorValue: Float
    public let epsilon: Float

    public init(learningRate: Float = 0.001, initialAccumulatorValue: Float = 0.1, epsilon: Float = 1e-7,
                clipnorm: Float? = nil, clipvalue: Float? = nil, globalClipnorm: Float? = nil) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        super.init(name: "adagrad", learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    override var slotNames: [String] { ["accumulator"] }
    override var initialSlotValue: Float { initialAccumulatorValue }

    override func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {
        let g = gradient.values, squared = gradient.squared(), lr = learningRate
        for i in parameter.indices {
            slots[0][i] += squared[i]
            parameter[i] -= lr * g[i] / (slots[0][i] + epsilon).squareRoot()
        }
    }
}
