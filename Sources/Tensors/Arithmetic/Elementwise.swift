extension Tensor {
    /// A float32 copy of this tensor with `transform` applied in place to its values:
    /// one allocation, no per-element work beyond `transform` itself.
    func mappingScalars(_ transform: (UnsafeMutableBufferPointer<Float>) -> Void) -> Tensor {
        var values = scalars
        values.withUnsafeMutableBufferPointer { transform($0) }
        return Tensor(shape: shape, storage: .float(values))
    }

    /// `operation` applied value by value to `lhs` and `rhs` broadcast to a common shape.
    /// The result is float32; `name` is the operator, for the error message.
    static func combining(_ lhs: Tensor, _ rhs: Tensor, name: String, _ operation: (Float, Float) -> Float) -> Tensor {
        let shape = Broadcasting.shape(lhs.shape, rhs.shape, for: name).orTrap()
        let left = lhs.scalars
        let right = rhs.scalars
        var result = [Float](repeating: 0, count: shape.scalarCount)
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                result.withUnsafeMutableBufferPointer { out in
                    if lhs.shape == rhs.shape {
                        for i in out.indices { out[i] = operation(l[i], r[i]) }
                    } else if r.count == 1 {
                        let value = r[0]
                        for i in out.indices { out[i] = operation(l[i], value) }
                    } else if l.count == 1 {
                        let value = l[0]
                        for i in out.indices { out[i] = operation(value, r[i]) }
                    } else if lhs.shape == shape && shape.dimensions.suffix(rhs.rank).elementsEqual(rhs.shape.dimensions) {
                        // A bias-like right operand repeats along the leading axes.
                        for i in out.indices { out[i] = operation(l[i], r[i % r.count]) }
                    } else {
                        let leftOffsets = Broadcasting.offsets(from: lhs.shape, to: shape)
                        let rightOffsets = Broadcasting.offsets(from: rhs.shape, to: shape)
                        for i in out.indices { out[i] = operation(l[leftOffsets[i]], r[rightOffsets[i]]) }
                    }
                }
            }
        }
        return Tensor(shape: shape, storage: .float(result))
    }
}
