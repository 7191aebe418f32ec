extension Tensor {
    /// The tensor with its axes reordered: axis `i` of the result is axis `permutation[i]`
    /// of this one (numpy's `transpose(axes)`).
    public func transposed(permutation: Int...) -> Tensor {
        transposed(permutation: permutation)
    }

    /// The tensor with its axes reordered: axis `i` of the result is axis `permutation[i]`.
    public func transposed(permutation: [Int]) -> Tensor {
        let newShape = Tensor.transposedShape(of: shape, permutation: permutation).orTrap()
        let sourceStrides = rowMajorStrides(shape.dimensions)
        let starts = stridedOffsets(dimensions: newShape.dimensions, strides: permutation.map { sourceStrides[$0] })
        return Tensor(shape: newShape, storage: storage.gatheringBlocks(startingAt: starts, length: 1))
            .recorded("transpose", inputs: [self]) { gradient in
                var inverse = permutation
                for (axis, source) in permutation.enumerated() { inverse[source] = axis }
                return [gradient.transposed(permutation: inverse)]
            }
    }

    /// The tensor with its axes in reverse order; for a matrix, rows become columns.
    public func transposed() -> Tensor {
        transposed(permutation: Array((0..<rank).reversed()))
    }

    static func transposedShape(of shape: TensorShape, permutation: [Int]) -> Result<TensorShape, ShapeError> {
        guard permutation.sorted() == Array(0..<shape.rank) else {
            return .failure(ShapeError("transpose: permutation \(permutation) must list each axis of shape \(shape) exactly once (0 to \(shape.rank - 1))"))
        }
        return .success(TensorShape(permutation.map { shape.dimensions[$0] }))
    }
}
