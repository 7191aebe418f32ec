/// What `compile` fixes for training and evaluation: the optimizer, the loss and the metrics.
public struct Compiled {
    public let optimizer: Optimizer
    public let loss: Loss
    public let metrics: [Metric]
}

extension Model {
    /// Sets how `fit` trains and what it and `evaluate` report; Keras's `compile`. Calling it again
    /// replaces all three (and the optimizer's state with the new optimizer).
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [Metric] = []) {
        compiled = Compiled(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    /// The compiled setup, or a stop naming the call that needs it.
    func requireCompiled(for call: String) -> Compiled {
        guard let compiled else {
            fatalError("\(name).\(call): the model is not compiled; call `\(name).compile(optimizer:loss:metrics:)` first, e.g. compile(optimizer: Adam(), loss: .binaryCrossentropy)")
        }
        return compiled
    }
}
