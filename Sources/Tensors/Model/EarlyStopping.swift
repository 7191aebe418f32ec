/// Stops training when a monitored value has stopped improving; Keras's `EarlyStopping`.
///
/// After each epoch the value `monitor` (e.g. `val_loss`) counts as an improvement when it beats
/// the best so far by more than `minDelta` (lower for names ending in `loss`, higher otherwise, or
/// as `mode` says). After `patience` epochs without one, training stops; with
/// `restoreBestWeights`, the model gets the weights of its best epoch back (when the best was seen
/// at all), as Keras does.
public final class EarlyStopping: Callback {
    /// Whether smaller or larger values are better.
    public enum Mode: Sendable {
        /// Smaller for names ending in `loss`, larger otherwise (accuracy).
        case auto
        case min
        case max
    }

    public let monitor: String
    public let minDelta: Float
    public let patience: Int
    public let mode: Mode
    public let baseline: Float?
    public let restoreBestWeights: Bool
    public let startFromEpoch: Int
    public let verbose: Int

    /// The epoch (from 0) at which training was stopped, or 0 if it ran to the end.
    public private(set) var stoppedEpoch = 0
    /// The epoch (from 0) with the best value.
    public private(set) var bestEpoch = 0
    private var best: Float?
    private var bestWeights: [Tensor]?
    private var wait = 0

    public init(monitor: String = "val_loss", minDelta: Float = 0, patience: Int = 0, mode: Mode = .auto,
                baseline: Float? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0, verbose: Int = 0) {
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.mode = mode
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
        self.verbose = verbose
    }

    private var lowerIsBetter: Bool {
        switch mode {
        case .min: return true
        case .max: return false
        case .auto: return monitor.hasSuffix("loss")
        }
    }

    private func isImprovement(_ value: Float, over reference: Float?) -> Bool {
        guard let reference else { return true }
        return lowerIsBetter ? value + minDelta < reference : value - minDelta > reference
    }

    public override func onTrainBegin() {
        wait = 0
        stoppedEpoch = 0
        best = nil
        bestWeights = nil
        bestEpoch = 0
    }

    public override func onEpochEnd(_ epoch: Int, logs: [String: Float]) {
        guard let current = logs[monitor] else {
            print("Warning: early stopping conditioned on metric `\(monitor)` which is not available. Available metrics are: \(logs.keys.sorted().joined(separator: ","))")
            return
        }
        guard epoch >= startFromEpoch, let model else { return }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model.weights
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model.weights }
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            model.stopTraining = true
        }
    }

    public override func onTrainEnd(logs: [String: Float]) {
        if stoppedEpoch > 0 && verbose > 0 { print("Epoch \(stoppedEpoch + 1): early stopping") }
        guard restoreBestWeights, let bestWeights, let model else { return }
        if verbose > 0 { print("Restoring model weights from the end of the best epoch: \(bestEpoch + 1).") }
        trapOnError { try model.setWeights(bestWeights) }
    }
}
