/// Sets a random share `rate` of its input to zero in training and scales the rest by
/// 1 / (1 − rate), so the expected sum is unchanged; Keras's `Dropout`. Outside training
/// (`LearningPhase.isTraining` false) it returns its input.
///
/// The kept positions are drawn from the engine's seeded generator, so a seed gives the same masks
/// on every run. A padding mask on the input passes through.
public class Dropout: WeightlessLayer {
    public let rate: Float
    public let name: String

    public init(rate: Float, name: String? = nil) {
        require((0..<1).contains(rate), "\(Self.self): rate must be in [0, 1), got \(rate)")
        self.rate = rate
        self.name = name ?? LayerName.unique(for: String(describing: Self.self))
    }

    public var description: String { "\(Self.self)(rate: \(rate))" }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard LearningPhase.isTraining, rate > 0 else { return input }
        trapOnError {
            if input.dtype != .float32 {
                throw LayerError("\(description) takes float32 values, got \(input.dtype) of shape \(input.shape)")
            }
        }
        let shape = noiseShape(for: input.shape)
        let keep = GlobalRandom.shared.draw { $0.dropoutScales(count: shape.scalarCount, rate: rate) }
        return (input * Tensor(shape: shape, scalars: keep)).withMask(input.mask)
    }

    /// The shape of the random mask, broadcast over the input: the input's own shape.
    func noiseShape(for inputShape: TensorShape) -> TensorShape { inputShape }
}

/// Drops whole feature channels of a sequence, the same ones at every timestep; Keras's
/// `SpatialDropout1D`, for (batch, timesteps, channels) inputs such as embeddings.
public final class SpatialDropout1D: Dropout {
    override func noiseShape(for inputShape: TensorShape) -> TensorShape {
        trapOnError {
            if inputShape.rank != 3 {
                throw LayerError("\(description) takes (batch, timesteps, channels), got shape \(inputShape)")
            }
        }
        return [inputShape[0], 1, inputShape[2]]
    }
}
