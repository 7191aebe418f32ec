/// The ranks a layer's input may have, which a call on symbolic tensors checks before running the
/// layer, so the message shows the symbolic shape; Keras's `InputSpec(ndim=...)` and `min_ndim`.
protocol InputRankRequiring: Layer {
    /// The ranks accepted, up to `Int.max` for "at least".
    var inputRanks: ClosedRange<Int> { get }
    /// The input's axes in words: `(batch, timesteps, features)`.
    var inputAxes: String { get }
}

extension Dense: InputRankRequiring {
    var inputRanks: ClosedRange<Int> { 2...Int.max }
    var inputAxes: String { "(batch, ..., features)" }
}

extension RecurrentLayer: InputRankRequiring {
    var inputRanks: ClosedRange<Int> { 3...3 }
    var inputAxes: String { "(batch, timesteps, features)" }
}

extension Bidirectional: InputRankRequiring {
    var inputRanks: ClosedRange<Int> { 3...3 }
    var inputAxes: String { "(batch, timesteps, features)" }
}

extension InputRankRequiring {
    /// Checks the rank of the first symbolic input (the sequence, not initial states).
    func validateRank(of input: SymbolicTensor) throws {
        let rank = input.shape.count
        guard !inputRanks.contains(rank) else { return }
        let expected = inputRanks.count == 1 ? "rank \(inputRanks.lowerBound)" : "rank \(inputRanks.lowerBound) or more"
        throw LayerError("\(name) (\(LayerName.kerasTypeName(of: self))) expects input of \(expected) \(inputAxes), got symbolic input of shape \(ModelSummary.shapeText(input.shape)) of rank \(rank) from \(input.node.layer.name)")
    }
}
