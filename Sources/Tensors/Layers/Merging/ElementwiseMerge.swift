/// Checks that `inputs` can be combined elementwise: the same rank and, on every axis, the same
/// size or 1 (broadcast), as Keras's merge layers require.
func validateElementwise(_ inputs: [Tensor], for layer: String) throws {
    let shapes = inputs.map(\.shape)
    let rank = shapes[0].rank
    let fits = shapes.allSatisfy { $0.rank == rank } && (0..<rank).allSatisfy { axis in
        Set(shapes.map { $0[axis] }.filter { $0 != 1 }).count <= 1
    }
    if !fits {
        throw LayerError("\(layer) combines inputs elementwise: they need the same shape (or 1 on an axis to broadcast), got shapes \(shapes.map { "\($0)" }.joined(separator: ", "))")
    }
}

extension MergingLayer {
    /// `inputs` (at least two, checked) combined left to right by `combine`, with the steps real in
    /// any of them as the mask (none when an input has none): the call of `Add` and `Multiply`.
    func mergedElementwise(_ inputs: [Tensor], _ combine: (Tensor, Tensor) -> Tensor) -> Tensor {
        trapOnError {
            try validateCount(inputs, 2)
            try validateElementwise(inputs, for: description)
        }
        return inputs.dropFirst().reduce(inputs[0], combine).withMask(SequenceMask.union(inputs.map(\.mask)))
    }
}

/// Adds its inputs elementwise; Keras's `Add`. Padding masks on the inputs carry over (the steps
/// real in any of them, `SequenceMask.union`).
public final class Add: MergingLayer {
    public let name: String

    public init(name: String? = nil) {
        self.name = name ?? LayerName.unique(for: "Add")
    }

    public var description: String { "Add()" }

    public func callAsFunction(_ inputs: [Tensor]) -> Tensor {
        mergedElementwise(inputs) { $0 + $1 }
    }
}

/// Multiplies its inputs elementwise; Keras's `Multiply`. A padding mask carries over as in `Add`.
public final class Multiply: MergingLayer {
    public let name: String

    public init(name: String? = nil) {
        self.name = name ?? LayerName.unique(for: "Multiply")
    }

    public var description: String { "Multiply()" }

    public func callAsFunction(_ inputs: [Tensor]) -> Tensor {
        mergedElementwise(inputs) { $0 * $1 }
    }
}
