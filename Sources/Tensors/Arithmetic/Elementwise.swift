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
                    } else {
                        broadcastRows(l, lhs.shape, r, rhs.shape, into: out, shape: shape, operation)
                    }
                }
            }
        }
        return Tensor(shape: shape, storage: .float(result))
    }

    /// The general broadcasting loop, one row (last axis) at a time: each operand's row
    /// starts at an offset found from its strides and steps by 1, or by 0 when repeated.
    private static func broadcastRows(_ l: UnsafeBufferPointer<Float>, _ lhsShape: TensorShape,
                                      _ r: UnsafeBufferPointer<Float>, _ rhsShape: TensorShape,
                                      into out: UnsafeMutableBufferPointer<Float>, shape: TensorShape,
                                      _ operation: (Float, Float) -> Float) {
        let leftStrides = Broadcasting.strides(of: lhsShape, in: shape)
        let rightStrides = Broadcasting.strides(of: rhsShape, in: shape)
        let rowDimensions = Array(shape.dimensions.dropLast())
        let leftRows = stridedOffsets(dimensions: rowDimensions, strides: Array(leftStrides.dropLast()))
        let rightRows = stridedOffsets(dimensions: rowDimensions, strides: Array(rightStrides.dropLast()))
        let width = shape.dimensions.last!
        let leftStep = leftStrides.last!
        let rightStep = rightStrides.last!
        for row in leftRows.indices {
            let start = row * width
            var left = leftRows[row]
            var right = rightRows[row]
            for column in 0..<width {
                out[start + column] = operation(l[left], r[right])
                left += leftStep
                right += rightStep
            }
        }
    }
}
