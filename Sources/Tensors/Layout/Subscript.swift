extension Tensor {
    /// The slice at `index` along the first axis, one rank lower: `t[0]` is the first row
    /// of a matrix, the first sequence of a batch. Negative indices count from the end.
    public subscript(index: Int) -> Tensor {
        let (position, newShape) = Tensor.leadingSlice(of: shape, at: index).orTrap()
        let length = newShape.scalarCount
        let shape = self.shape
        return Tensor(shape: newShape, storage: storage.gatheringBlocks(startingAt: [position * length], length: length))
            .recorded("subscript", inputs: [self]) { gradient in
                var values = [Float](repeating: 0, count: shape.scalarCount)
                values.replaceSubrange((position * length)..<((position + 1) * length), with: gradient.scalars)
                return [Tensor(shape: shape, scalars: values)]
            }
    }

    /// The position along the first axis and the shape of the slice `t[index]`.
    static func leadingSlice(of shape: TensorShape, at index: Int) -> Result<(Int, TensorShape), ShapeError> {
        guard shape.rank > 0 else {
            return .failure(ShapeError("subscript: a scalar tensor has no elements to index; its shape is ()"))
        }
        let count = shape.dimensions[0]
        let position = index < 0 ? index + count : index
        guard (0..<count).contains(position) else {
            return .failure(ShapeError("subscript: index \(index) is out of range for the first axis of shape \(shape), which has \(count) elements"))
        }
        return .success((position, TensorShape(Array(shape.dimensions.dropFirst()))))
    }
}
