/// Hooks that `fit` calls as training goes; Keras's `Callback`. Subclass and override what you
/// need, or use `LambdaCallback` for a closure. `model` is the model being trained; setting its
/// `stopTraining` ends `fit` after the current epoch (or batch).
///
/// Logs map names (`loss`, `accuracy`, `val_loss`, ...) to the running values at that point: after
/// a batch, the means over the epoch so far; after an epoch, the epoch's values.
open class Callback {
    public internal(set) weak var model: Model?

    public init() {}

    open func onTrainBegin() {}
    open func onTrainEnd(logs: [String: Float]) {}
    open func onEpochBegin(_ epoch: Int) {}
    open func onEpochEnd(_ epoch: Int, logs: [String: Float]) {}
    open func onTrainBatchBegin(_ batch: Int) {}
    open func onTrainBatchEnd(_ batch: Int, logs: [String: Float]) {}
}

/// A callback made of closures; Keras's `LambdaCallback`.
public final class LambdaCallback: Callback {
    private let epochEnd: ((Int, [String: Float]) -> Void)?
    private let batchEnd: ((Int, [String: Float]) -> Void)?

    public init(onEpochEnd: ((_ epoch: Int, _ logs: [String: Float]) -> Void)? = nil,
                onBatchEnd: ((_ batch: Int, _ logs: [String: Float]) -> Void)? = nil) {
        epochEnd = onEpochEnd
        batchEnd = onBatchEnd
    }

    public override func onEpochEnd(_ epoch: Int, logs: [String: Float]) { epochEnd?(epoch, logs) }
    public override func onTrainBatchEnd(_ batch: Int, logs: [String: Float]) { batchEnd?(batch, logs) }
}

/// Stops training when a batch's loss is NaN or infinite; Keras's `TerminateOnNaN`.
public final class TerminateOnNaN: Callback {
    public override func onTrainBatchEnd(_ batch: Int, logs: [String: Float]) {
        guard let loss = logs["loss"], !loss.isFinite else { return }
        print("Batch \(batch): Invalid loss, terminating training")
        model?.stopTraining = true
    }
}
