/// A layer without weights (`Dropout`, `Flatten`, the merge layers, ...): its `weights` and
/// `weightNames` are empty and `setWeights` accepts only an empty list.
public protocol WeightlessLayer: Layer {}

extension WeightlessLayer {
    public var weights: [Tensor] { [] }
    public var weightNames: [String] { [] }

    public func setWeights(_ weights: [Tensor]) throws {
        try [WeightSpec]().validate(weights, for: description)
    }
}
