/// Gives each sample the shape `targetShape` (without the batch axis; one size may be -1, inferred);
/// Keras's `Reshape`.
public final class Reshape: WeightlessLayer {
    public let targetShape: [Int]
    public let name: String

    public init(targetShape: [Int], name: String? = nil) {
        guard targetShape.allSatisfy({ $0 > 0 || $0 == -1 }), targetShape.filter({ $0 == -1 }).count <= 1 else {
            fatalError("Reshape: targetShape takes positive sizes and at most one -1, got \(targetShape)")
        }
        self.targetShape = targetShape
        self.name = name ?? LayerName.unique(for: "Reshape")
    }

    public var description: String { "Reshape(targetShape: \(targetShape))" }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        trapOnError {
            let sample = input.shape.dimensions.dropFirst().reduce(1, *), known = targetShape.filter { $0 != -1 }.reduce(1, *)
            let fits = input.rank >= 1 && (targetShape.contains(-1) ? sample % known == 0 : sample == known)
            if !fits {
                throw LayerError("\(description) cannot reshape input of shape \(input.shape) (\(sample) values per sample) to \(targetShape)")
            }
        }
        return input.reshaped(to: [input.shape[0]] + targetShape)
    }
}
