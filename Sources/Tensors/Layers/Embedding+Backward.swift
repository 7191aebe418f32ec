extension Embedding: WeightsUpdatableInPlace {
    func updateWeight(at index: Int, _ update: (inout [Float]) -> Void) {
        update(&embeddings)
    }

    /// `output`, the rows looked up for `ids`, recorded on `tape`: its backward pass adds the output's
    /// gradient to the table's as one slice per id occurrence (Keras's `IndexedSlices`). Ids have no
    /// gradient, so the node has no input.
    func recordLookup(_ output: Tensor, ids: [Int32], on tape: Tape) -> Tensor {
        let rows = inputDim, width = outputDim
        return tape.record("Embedding", inputs: [], output: output) { [unowned tape] gradient in
            tape.accumulate(IndexedSlices(indices: ids, values: gradient.scalars, width: width), into: self, weight: 0, rows: rows)
            return []
        }
    }
}
