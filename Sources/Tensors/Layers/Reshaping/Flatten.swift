/// Flattens each sample to one axis: (batch, d1, d2, ...) to (batch, d1 · d2 · ...); Keras's `Flatten`.
public final class Flatten: WeightlessLayer {
    public let name: String

    public init(name: String? = nil) {
        self.name = name ?? LayerName.unique(for: "Flatten")
    }

    public var description: String { "Flatten()" }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        trapOnError {
            if input.rank < 1 { throw LayerError("\(description) expects input of shape (batch, ...), got a scalar") }
        }
        return input.reshaped(to: [input.shape[0], input.shape.dimensions.dropFirst().reduce(1, *)])
    }
}
