/// The softmax along `axis`: exponentials normalised to sum to 1 over that axis.
/// The maximum is subtracted first so large scores do not overflow.
public func softmax(_ x: Tensor, alongAxis axis: Int = -1) -> Tensor {
    let exponentials = exp(x - x.max(alongAxes: axis, keepingDimensions: true))
    return exponentials / exponentials.sum(alongAxes: axis, keepingDimensions: true)
}
