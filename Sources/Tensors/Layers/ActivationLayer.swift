/// Applies an activation function to its input; Keras's `Activation` layer (named `activation`,
/// `activation_1`, ... and shown as `Activation` in a summary). A `sigmoid` or `softmax` output
/// keeps its logits for the crossentropy losses, and a padding mask passes through, as in Keras.
public final class ActivationLayer: WeightlessLayer {
    public let activation: Activation
    public let name: String

    public init(_ activation: Activation, name: String? = nil) {
        self.activation = activation
        self.name = name ?? LayerName.unique(for: "Activation")
    }

    public var description: String { "Activation(\(activation.rawValue))" }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.applying(activation).withMask(input.mask)
    }
}
