/// How Keras 3's merge layers combine the padding masks of their inputs (`compute_mask`).
extension SequenceMask {
    /// `Add` and `Multiply` (Keras's `Merge.compute_mask`): a step is real where it is real in any
    /// input; no mask when an input has none.
    static func union(_ masks: [SequenceMask?]) -> SequenceMask? {
        let present = masks.compactMap { $0 }
        guard let first = present.first, present.count == masks.count,
              present.allSatisfy({ $0.batchSize == first.batchSize && $0.timesteps == first.timesteps }) else { return nil }
        let isReal = first.isReal.indices.map { index in present.contains { $0.isReal[index] } }
        return SequenceMask(batchSize: first.batchSize, timesteps: first.timesteps, isReal: isReal)
    }

    /// `Concatenate` along `axis` (1 or 2) of (batch, steps, features) inputs, as Keras's
    /// `Concatenate.compute_mask`: an input without a mask counts as real everywhere; along the
    /// features a step is real where it is real in any input, along the steps the masks are joined.
    /// No mask when no input has one, or for inputs of another rank (Keras's mask would not be
    /// (batch, steps)).
    static func concatenated(_ masks: [SequenceMask?], shapes: [TensorShape], axis: Int) -> SequenceMask? {
        guard masks.contains(where: { $0 != nil }), shapes.allSatisfy({ $0.rank == 3 }) else { return nil }
        let full = zip(masks, shapes).map { mask, shape in
            mask ?? SequenceMask(batchSize: shape[0], timesteps: shape[1], isReal: Array(repeating: true, count: shape[0] * shape[1]))
        }
        guard zip(full, shapes).allSatisfy({ $0.batchSize == $1[0] && $0.timesteps == $1[1] }) else { return nil }
        let batchSize = shapes[0][0]
        if axis == 2 { return union(full) }
        let isReal = (0..<batchSize).flatMap { row in
            full.flatMap { $0.isReal[(row * $0.timesteps)..<((row + 1) * $0.timesteps)] }
        }
        return SequenceMask(batchSize: batchSize, timesteps: full.map(\.timesteps).reduce(0, +), isReal: isReal)
    }
}
