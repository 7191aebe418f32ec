/// numpy's broadcasting rule: shapes are aligned at their last axis, and each pair of
/// dimensions must be equal or one of them 1 (a missing dimension counts as 1).
enum Broadcasting {
    /// The shape two operands broadcast to, or an error naming `operation` and both shapes.
    static func shape(_ lhs: TensorShape, _ rhs: TensorShape, for operation: String) -> Result<TensorShape, ShapeError> {
        let rank = max(lhs.rank, rhs.rank)
        let left = padded(lhs, toRank: rank)
        let right = padded(rhs, toRank: rank)
        var dimensions: [Int] = []
        for (l, r) in zip(left, right) {
            guard l == r || l == 1 || r == 1 else {
                return .failure(ShapeError("\(operation): shapes \(lhs) and \(rhs) cannot be broadcast together: dimensions \(l) and \(r) differ and neither is 1"))
            }
            dimensions.append(l == 1 ? r : l)
        }
        return .success(TensorShape(dimensions))
    }

    /// The strides with which a row-major tensor of `source` shape is read when broadcast
    /// to `target`: one per axis of `target`, zero along the axes the source repeats on.
    /// `source` must broadcast to `target`.
    static func strides(of source: TensorShape, in target: TensorShape) -> [Int] {
        let dimensions = padded(source, toRank: target.rank)
        return zip(dimensions, rowMajorStrides(dimensions)).map { $0 == 1 ? 0 : $1 }
    }

    /// For each row-major position of `target`, the offset of the value of a tensor of
    /// `source` shape that broadcasts there.
    static func offsets(from source: TensorShape, to target: TensorShape) -> [Int] {
        stridedOffsets(dimensions: target.dimensions, strides: strides(of: source, in: target))
    }

    private static func padded(_ shape: TensorShape, toRank rank: Int) -> [Int] {
        Array(repeating: 1, count: rank - shape.rank) + shape.dimensions
    }
}
