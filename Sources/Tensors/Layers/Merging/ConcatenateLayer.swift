/// Joins its inputs along `axis` (the last by default); Keras's `Concatenate`. Every other axis
/// must agree. Padding masks carry over as in Keras (`SequenceMask.concatenated`).
public final class Concatenate: MergingLayer {
    public let axis: Int
    public let name: String

    public init(axis: Int = -1, name: String? = nil) {
        self.axis = axis
        self.name = name ?? LayerName.unique(for: "Concatenate")
    }

    public var description: String { "Concatenate(axis: \(axis))" }

    public func callAsFunction(_ inputs: [Tensor]) -> Tensor {
        let normalized = trapOnError {
            try validateCount(inputs, 1)
            let rank = inputs[0].rank
            let normalized = axis < 0 ? axis + rank : axis
            let fits = (1..<max(rank, 1)).contains(normalized) && inputs.allSatisfy { input in
                input.rank == rank && (0..<rank).allSatisfy { $0 == normalized || input.shape[$0] == inputs[0].shape[$0] }
            }
            if !fits {
                throw LayerError("\(description) needs inputs of one rank that agree on every axis but \(axis) (not the batch axis), got shapes \(Self.shapes(inputs))")
            }
            return normalized
        }
        return Tensor(concatenating: inputs, alongAxis: axis)
            .withMask(SequenceMask.concatenated(inputs.map(\.mask), shapes: inputs.map(\.shape), axis: normalized))
    }
}
