/// A layer that combines a list of inputs into one output: Keras's merge layers (`Add`,
/// `Multiply`, `Concatenate`, `Dot`). Called on one tensor, it stops with a message asking for a list.
public protocol MergingLayer: WeightlessLayer {
    /// The inputs combined; gradients flow back to each of them.
    func callAsFunction(_ inputs: [Tensor]) -> Tensor
}

extension MergingLayer {
    public func callAsFunction(_ input: Tensor) -> Tensor {
        trapOnError { throw LayerError("\(description) merges a list of tensors: call it on [a, b], got one tensor of shape \(input.shape)") }
    }

    /// Checks that there are at least `count` inputs (exactly `count` when `exact`), all float32.
    func validateCount(_ inputs: [Tensor], _ count: Int, exact: Bool = false) throws {
        if exact ? inputs.count != count : inputs.count < count {
            throw LayerError("\(description) takes \(exact ? "" : "at least ")\(count) inputs, got \(inputs.count)\(inputs.isEmpty ? "" : " of shapes " + Self.shapes(inputs))")
        }
    }

    /// `(2, 3), (2, 3)`: the shapes of `inputs` for messages.
    static func shapes(_ inputs: [Tensor]) -> String {
        inputs.map { "\($0.shape)" }.joined(separator: ", ")
    }
}
