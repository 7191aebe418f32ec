/// The name and shape of one weight a layer expects, e.g. LSTM's `recurrent_kernel` (64, 256).
struct WeightSpec: Equatable {
    let name: String
    let shape: TensorShape
}

extension Array where Element == WeightSpec {
    /// Checks that `weights` match these specs one for one, in count and shape.
    func validate(_ weights: [Tensor], for layer: String) throws {
        guard weights.count == count else {
            let names = map(\.name).joined(separator: ", ")
            throw LayerError("\(layer).setWeights: expected \(count) weights (\(names)), got \(weights.count)")
        }
        for (spec, weight) in zip(self, weights) where weight.shape != spec.shape {
            throw LayerError("\(layer).setWeights: weight '\(spec.name)' must have shape \(spec.shape), got \(weight.shape)")
        }
    }
}
