/// The softmax along `axis`: exponentials normalised to sum to 1 over that axis.
/// The maximum is subtracted first so large scores do not overflow.
public func softmax(_ x: Tensor, alongAxis axis: Int = -1) -> Tensor {
    let axis = x.shape.normalizedAxis(axis, for: "softmax").orTrap()
    let last = x.rank - 1
    guard axis != last else { return x.applying(.softmax) }
    // The same row normalisation as the activation, with `axis` swapped to the end and back.
    var permutation = Array(0..<x.rank)
    permutation.swapAt(axis, last)
    return x.transposed(permutation: permutation).applying(.softmax).transposed(permutation: permutation)
}
