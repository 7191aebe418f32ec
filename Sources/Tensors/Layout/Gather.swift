extension Tensor {
    /// The slices along `axis` picked by the int32 `indices` (numpy's `take`, TensorFlow's
    /// `gather`): the result's shape is this shape with `axis` replaced by the indices' shape.
    /// An embedding lookup is `table.gathering(atIndices: ids)`.
    public func gathering(atIndices indices: Tensor, alongAxis axis: Int = 0) -> Tensor {
        let (newShape, axis) = Tensor.gatheredShape(of: shape, indices: indices, alongAxis: axis).orTrap()
        let count = shape.dimensions[axis]
        let (outer, inner) = shape.outerAndInnerCounts(around: axis)
        let picked = indices.integers!
        var starts: [Int] = []
        starts.reserveCapacity(outer * picked.count)
        for block in 0..<outer {
            for index in picked { starts.append((block * count + Int(index)) * inner) }
        }
        let shape = self.shape
        return Tensor(shape: newShape, storage: storage.gatheringBlocks(startingAt: starts, length: inner))
            .recorded("gather", inputs: [self]) { gradient in
                // Each gathered block's gradient adds onto the block it came from (repeats add up).
                var values = [Float](repeating: 0, count: shape.scalarCount)
                let incoming = gradient.scalars
                for (block, start) in starts.enumerated() {
                    for j in 0..<inner { values[start + j] += incoming[block * inner + j] }
                }
                return [Tensor(shape: shape, scalars: values)]
            }
    }

    /// The shape of the gather and the normalized axis, after checking every index is in range.
    static func gatheredShape(of shape: TensorShape, indices: Tensor, alongAxis axis: Int) -> Result<(TensorShape, Int), ShapeError> {
        guard let picked = indices.integers else {
            return .failure(ShapeError("gather: indices must be an int32 tensor, got float32 indices of shape \(indices.shape)"))
        }
        let normalized: Int
        switch shape.normalizedAxis(axis, for: "gather") {
        case .success(let value): normalized = value
        case .failure(let error): return .failure(error)
        }
        let count = shape.dimensions[normalized]
        if let bad = picked.first(where: { $0 < 0 || Int($0) >= count }) {
            return .failure(ShapeError("gather: index \(bad) is out of range 0..<\(count) for axis \(axis) of shape \(shape)"))
        }
        var dimensions = shape.dimensions
        dimensions.replaceSubrange(normalized...normalized, with: indices.shape.dimensions)
        return .success((TensorShape(dimensions), normalized))
    }
}
