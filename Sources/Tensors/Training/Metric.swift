/// A metric with Keras 3's definition: per-sample values whose mean is reported, e.g. the share of
/// correct predictions. `Metric.accuracy` resolves as Keras resolves `"accuracy"`: binary accuracy
/// when predictions have one value per sample (last axis 1), sparse categorical accuracy when the
/// labels have a lower rank than the predictions or a last axis of 1, else categorical accuracy.
public struct Metric: Sendable {
    /// Keras's name (`accuracy`, `binary_accuracy`, ..., or the loss's name for a loss's mean).
    public let name: String
    let valuesFunction: @Sendable (_ labels: Tensor, _ predictions: Tensor) -> [Float]

    /// The mean of the per-sample values over the batch.
    public func callAsFunction(_ labels: Tensor, _ predictions: Tensor) -> Float {
        var mean = Mean()
        mean.update(values(labels, predictions))
        return mean.result
    }

    /// The per-sample (for binary accuracy, per-value) values that a running `Mean` accumulates.
    public func values(_ labels: Tensor, _ predictions: Tensor) -> [Float] {
        valuesFunction(labels, predictions)
    }

    /// Each of `values`' weight in a running mean: for predictions with a `SequenceMask`, 1 on real
    /// steps and 0 on padding (every value of a step sharing its weight), as Keras weights metrics by
    /// the mask; nil (all 1) without one.
    static func maskWeights(of predictions: Tensor, count: Int) -> [Float]? {
        guard let mask = predictions.mask, count > 0, count % mask.isReal.count == 0 else { return nil }
        let perStep = count / mask.isReal.count
        return mask.isReal.flatMap { Array(repeating: $0 ? Float(1) : 0, count: perStep) }
    }

    /// Keras's `"accuracy"`: binary, sparse categorical or categorical accuracy by the shapes.
    public static let accuracy = Metric(name: "accuracy") { labels, predictions in
        let isBinary = (predictions.shape.dimensions.last ?? 1) == 1
        let isSparse = labels.rank < predictions.rank || ((labels.shape.dimensions.last ?? 1) == 1 && (predictions.shape.dimensions.last ?? 1) > 1)
        let resolved = isBinary ? binaryAccuracy : (isSparse ? sparseCategoricalAccuracy : categoricalAccuracy)
        return resolved.values(labels, predictions)
    }

    /// The share of values where `prediction > threshold` equals the label.
    public static func binaryAccuracy(threshold: Float = 0.5) -> Metric {
        Metric(name: "binary_accuracy") { labels, predictions in binaryMatches(labels, predictions, threshold: threshold) }
    }

    private static func binaryMatches(_ labels: Tensor, _ predictions: Tensor, threshold: Float) -> [Float] {
        let truth = labels.scalars, scores = predictions.scalars
        if !(truth.count == scores.count) { mismatch("binary_accuracy", labels, predictions) }
        return zip(truth, scores).map { label, score in matches(label, score > threshold ? 1 : 0) }
    }

    public static let binaryAccuracy = binaryAccuracy()

    /// The share of rows whose largest prediction is at the largest label (one-hot labels).
    public static let categoricalAccuracy = Metric(name: "categorical_accuracy") { labels, predictions in
        if !(labels.scalarCount == predictions.scalarCount) { mismatch("categorical_accuracy", labels, predictions) }
        return zip(labels.detached.argmax().scalars, predictions.detached.argmax().scalars).map(matches)
    }

    /// The share of rows whose largest prediction is at the integer label.
    public static let sparseCategoricalAccuracy = Metric(name: "sparse_categorical_accuracy") { labels, predictions in
        let classes = predictions.detached.argmax().scalars
        if !(labels.scalarCount == classes.count) { mismatch("sparse_categorical_accuracy", labels, predictions) }
        return zip(labels.scalars, classes).map(matches)
    }

    /// The per-sample values of `loss`, so that their running mean is the loss Keras logs.
    public static func mean(of loss: Loss) -> Metric {
        Metric(name: loss.name) { labels, predictions in loss.perSample(labels, predictions).scalars }
    }

    /// 1 where a label and a prediction agree, else 0.
    private static func matches(_ label: Float, _ prediction: Float) -> Float { label == prediction ? 1 : 0 }

    /// Stops with a message naming the metric and both shapes. (Not inlined: the 6.2 optimizer
    /// crashes on the inlined trap in these closures.)
    @inline(never)
    private static func mismatch(_ name: String, _ labels: Tensor, _ predictions: Tensor) -> Never {
        fatalError("\(name): labels of shape \(labels.shape) do not fit predictions of shape \(predictions.shape)")
    }
}

/// A running, weighted mean in float32, as Keras's `Mean` metric: `total / count` of every value
/// added so far (0 before any).
public struct Mean: Sendable, Equatable {
    public private(set) var total: Float = 0
    public private(set) var count: Float = 0

    public init() {}

    /// Adds `values`, each with `weight`.
    public mutating func update(_ values: [Float], weight: Float = 1) {
        for value in values { total += value * weight }
        count += Float(values.count) * weight
    }

    /// Adds `values`, each with its own weight.
    public mutating func update(_ values: [Float], weights: [Float]) {
        precondition(values.count == weights.count, "Mean: \(values.count) values but \(weights.count) weights")
        for (value, weight) in zip(values, weights) {
            total += value * weight
            count += weight
        }
    }

    /// Adds one value with `weight` (e.g. a batch's mean loss weighted by the batch size).
    public mutating func update(_ value: Float, weight: Float = 1) {
        update([value], weight: weight)
    }

    public var result: Float { count == 0 ? 0 : total / count }
}
