/// A float32 tensor of shape `indices.shape + [depth]` with a 1 at each index and 0
/// elsewhere (TensorFlow's `one_hot`): `oneHot(Tensor([2, 0]), depth: 3)` is
/// `[[0. 0. 1.] [1. 0. 0.]]`. Like TensorFlow, an index outside `0..<depth` gives a row of zeros.
public func oneHot(_ indices: Tensor, depth: Int) -> Tensor {
    let ids = oneHotIndices(indices, depth: depth).orTrap()
    var scalars = [Float](repeating: 0, count: ids.count * depth)
    for (row, id) in ids.enumerated() where (0..<depth).contains(Int(id)) {
        scalars[row * depth + Int(id)] = 1
    }
    return Tensor(shape: TensorShape(indices.shape.dimensions + [depth]), scalars: scalars)
}

/// The ids `oneHot` encodes, or why they cannot be encoded.
func oneHotIndices(_ indices: Tensor, depth: Int) -> Result<[Int32], ShapeError> {
    guard let ids = indices.integers else {
        return .failure(ShapeError("oneHot: indices must be an int32 tensor, got float32 indices of shape \(indices.shape)"))
    }
    guard depth >= 0 else {
        return .failure(ShapeError("oneHot: depth must not be negative, got \(depth)"))
    }
    return .success(ids)
}
