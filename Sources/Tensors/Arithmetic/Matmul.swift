internal import CBLAS

/// The matrix product through OpenBLAS `cblas_sgemm`, in float32:
/// - `(m, k) x (k, n) -> (m, n)`;
/// - `(b, m, k) x (k, n) -> (b, m, n)`, one GEMM over all `b * m` rows (a Dense layer on a sequence);
/// - `(b, m, k) x (b, k, n) -> (b, m, n)`, one GEMM per batch entry.
public func matmul(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
    let shape = matmulShape(lhs.shape, rhs.shape).orTrap()
    let k = lhs.shape.dimensions.last!
    let n = shape.dimensions.last!
    let left = lhs.scalars
    let right = rhs.scalars
    var result = [Float](repeating: 0, count: shape.scalarCount)
    guard k > 0, !result.isEmpty else { return Tensor(shape: shape, scalars: result) }
    // A 3-D left operand times a shared matrix is one tall GEMM; a batch of matrices needs one each.
    let batches = rhs.rank == 3 ? rhs.shape.dimensions[0] : 1
    let m = left.count / k / batches
    left.withUnsafeBufferPointer { a in
        right.withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { c in
                for batch in 0..<batches {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                Int32(m), Int32(n), Int32(k),
                                1, a.baseAddress! + batch * m * k, Int32(k),
                                b.baseAddress! + batch * k * n, Int32(n),
                                0, c.baseAddress! + batch * m * n, Int32(n))
                }
            }
        }
    }
    return Tensor(shape: shape, scalars: result).recorded("matmul", inputs: [lhs, rhs]) { gradient in
        matmulGradients(gradient, lhs, rhs)
    }
}

/// The gradients of `matmul(lhs, rhs)` given its output's: g · rhsᵀ and lhsᵀ · g, per batch entry
/// for a batch of matrices, summed over the rows of a 3-D left operand times a shared matrix.
private func matmulGradients(_ gradient: Tensor, _ lhs: Tensor, _ rhs: Tensor) -> [Tensor?] {
    let rhsT = rhs.rank == 3 ? rhs.transposed(permutation: 0, 2, 1) : rhs.transposed()
    let lhsGradient = matmul(gradient, rhsT)
    let rhsGradient: Tensor
    switch (lhs.rank, rhs.rank) {
    case (3, 3):
        rhsGradient = matmul(lhs.transposed(permutation: 0, 2, 1), gradient)
    default:
        let k = lhs.shape[-1], n = gradient.shape[-1]
        rhsGradient = matmul(lhs.reshaped(to: [-1, k]).transposed(), gradient.reshaped(to: [-1, n]))
    }
    return [lhsGradient, rhsGradient]
}

/// The shape of `matmul(lhs, rhs)`, or why the shapes cannot be multiplied.
func matmulShape(_ lhs: TensorShape, _ rhs: TensorShape) -> Result<TensorShape, ShapeError> {
    switch (lhs.rank, rhs.rank) {
    case (2, 2), (3, 2), (3, 3):
        break
    default:
        return .failure(ShapeError("matmul: expects 2-D x 2-D, 3-D x 2-D or 3-D x 3-D tensors, got \(lhs) x \(rhs)"))
    }
    let rhsRows = rhs.dimensions[rhs.rank - 2]
    guard lhs.dimensions.last! == rhsRows else {
        return .failure(ShapeError("matmul: inner dimensions differ: \(lhs) x \(rhs) (\(lhs.dimensions.last!) vs \(rhsRows))"))
    }
    if rhs.rank == 3 && lhs.dimensions[0] != rhs.dimensions[0] {
        return .failure(ShapeError("matmul: batch sizes differ: \(lhs) x \(rhs) (\(lhs.dimensions[0]) vs \(rhs.dimensions[0]))"))
    }
    return .success(TensorShape(lhs.dimensions.dropLast() + [rhs.dimensions.last!]))
}
