/// Produces a weight's initial values, like an object from `keras.initializers`.
///
/// Layers call initializers while building, in Keras's weight order, so every build draws from the
/// global generator (see `setRandomSeed(_:)`) in a fixed sequence.
public protocol Initializer: Sendable {
    /// The row-major initial values of a weight of `shape`, drawing any randomness from `generator`.
    func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float]
}

extension Initializer {
    /// A tensor of `shape` initialized from the global generator.
    public func callAsFunction(_ shape: TensorShape) -> Tensor {
        let scalars = GlobalRandom.shared.draw { generator in values(shape: shape, using: &generator) }
        return Tensor(shape: shape, scalars: scalars)
    }
}
