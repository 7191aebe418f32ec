extension Tensor {
    /// The same values in a new shape; one dimension may be `-1`, meaning "whatever
    /// makes the element count match" (as in numpy and Keras).
    public func reshaped(to dimensions: [Int]) -> Tensor {
        let newShape = Tensor.reshapedShape(of: shape, to: dimensions).orTrap()
        let shape = self.shape
        return Tensor(shape: newShape, storage: storage).recorded("reshape", inputs: [self]) { gradient in
            [gradient.reshaped(to: shape)]
        }
    }

    /// The same values in `newShape`, which must hold as many values.
    public func reshaped(to newShape: TensorShape) -> Tensor {
        reshaped(to: newShape.dimensions)
    }

    /// The shape `reshaped(to:)` gives, with `-1` resolved.
    static func reshapedShape(of shape: TensorShape, to dimensions: [Int]) -> Result<TensorShape, ShapeError> {
        let written = "(" + dimensions.map(String.init).joined(separator: ", ") + (dimensions.count == 1 ? ",)" : ")")
        let inferred = dimensions.indices.filter { dimensions[$0] == -1 }
        guard inferred.count <= 1 else {
            return .failure(ShapeError("reshape: only one dimension can be -1, got \(written)"))
        }
        guard dimensions.allSatisfy({ $0 >= -1 }) else {
            return .failure(ShapeError("reshape: dimensions must be positive or -1, got \(written)"))
        }
        let known = dimensions.filter { $0 != -1 }.reduce(1, *)
        var resolved = dimensions
        if let axis = inferred.first {
            guard known != 0, shape.scalarCount % known == 0 else {
                return .failure(ShapeError("reshape: cannot reshape a tensor of shape \(shape) (\(shape.scalarCount) values) into \(written)"))
            }
            resolved[axis] = shape.scalarCount / known
        }
        let newShape = TensorShape(resolved)
        guard newShape.scalarCount == shape.scalarCount else {
            return .failure(ShapeError("reshape: cannot reshape a tensor of shape \(shape) (\(shape.scalarCount) values) into \(newShape) (\(newShape.scalarCount) values)"))
        }
        return .success(newShape)
    }
}
