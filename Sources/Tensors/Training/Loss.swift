import Foundation

/// A loss function with Keras 3's definition: `loss(labels, predictions)` is the mean of the
/// per-sample losses (Keras's default reduction, `sum_over_batch_size`), a differentiable scalar.
///
/// Per-sample values average over the last axis (binary crossentropy, mean squared and absolute
/// error) or sum over the classes (categorical crossentropies). As in Keras:
/// - probabilities are clipped to [1e-7, 1 − 1e-7] in float32 before the logarithm, and a clipped
///   probability gets gradient 0 (the bounds themselves still get one);
/// - categorical crossentropy first divides each row by its sum; sparse categorical crossentropy
///   takes the log of the clipped probabilities as logits (so rows are renormalised too);
/// - a prediction that came out of `sigmoid` or `softmax` (a `Dense` activation, `sigmoid(_:)`,
///   `applying(.softmax)`) is replaced by its logits and the stable logits formula is used, with no
///   clipping: Keras's `_keras_logits`, which changes the numbers when a prediction saturates.
///
/// Labels may be int32 or float32; they get no gradient.
///
/// Predictions that carry a `SequenceMask` (a sequence output of masked inputs) have one loss per
/// timestep, and as in Keras only the real steps count: the loss is their mean (each real step
/// weighted total / real, padding 0, then the sum divided by the total; 0 when no step is real).
public struct Loss: Sendable {
    /// Keras's name (`binary_crossentropy`, ...).
    public let name: String
    let perSampleFunction: @Sendable (_ labels: Tensor, _ predictions: Tensor) -> Tensor

    /// The reduced loss: the mean of `perSample(labels, predictions)` (over real steps only when the
    /// predictions are masked), as a scalar tensor.
    public func callAsFunction(_ labels: Tensor, _ predictions: Tensor) -> Tensor {
        let values = perSample(labels, predictions)
        guard let weights = Self.maskWeights(of: predictions, for: values) else { return values.mean() }
        // Keras's apply_mask: total / valid on the real steps, then the sum over the total.
        let total = Float(weights.count), valid = Float(weights.filter { $0 }.count)
        let weight = valid == 0 ? 0 : total / valid
        let scale = Tensor(shape: values.shape, scalars: weights.map { $0 ? weight : 0 })
        return (values * scale).sum() / total
    }

    /// The flags of `predictions`' mask when `values` has one value per masked step, else nil.
    static func maskWeights(of predictions: Tensor, for values: Tensor) -> [Bool]? {
        guard let mask = predictions.mask, values.shape == [mask.batchSize, mask.timesteps] else { return nil }
        return mask.isReal
    }

    /// The loss of each sample before reduction (what `keras.losses.<name>(y_true, y_pred)` returns).
    public func perSample(_ labels: Tensor, _ predictions: Tensor) -> Tensor {
        perSampleFunction(labels, predictions)
    }

    /// Binary crossentropy of labels in [0, 1] against probabilities (or logits), averaged over the last axis.
    public static func binaryCrossentropy(fromLogits: Bool = false) -> Loss {
        Loss(name: "binary_crossentropy") { labels, predictions in
            if fromLogits || predictions.logits != nil {
                return rowLoss("binary_crossentropy", labels, predictions.logits?.tensor ?? predictions, Self.sigmoidCrossentropy)
            }
            return rowLoss("binary_crossentropy", labels, predictions, Self.binaryCrossentropyOfProbabilities)
        }
    }

    /// Categorical crossentropy of one-hot (or soft) labels against class probabilities (or logits).
    public static func categoricalCrossentropy(fromLogits: Bool = false) -> Loss {
        Loss(name: "categorical_crossentropy") { labels, predictions in
            if fromLogits || predictions.logits != nil {
                return rowLoss("categorical_crossentropy", labels, predictions.logits?.tensor ?? predictions, Self.softmaxCrossentropy)
            }
            return rowLoss("categorical_crossentropy", labels, predictions, Self.categoricalCrossentropyOfProbabilities)
        }
    }

    /// Categorical crossentropy of integer class labels (shape of the predictions without the class
    /// axis, or with it as 1) against class probabilities (or logits).
    public static func sparseCategoricalCrossentropy(fromLogits: Bool = false) -> Loss {
        Loss(name: "sparse_categorical_crossentropy") { labels, predictions in
            let logits = fromLogits || predictions.logits != nil
            return sparseLoss(labels, predictions.logits?.tensor ?? predictions, fromLogits: logits)
        }
    }

    /// The mean over the last axis of (labels − predictions)².
    public static let meanSquaredError = Loss(name: "mean_squared_error") { labels, predictions in
        rowLoss("mean_squared_error", labels, predictions) { y, p, gradient in
            var total: Float = 0
            for j in 0..<p.count {
                let difference = y[j] - p[j]
                total += difference * difference
                gradient?[j] = -2 * difference / Float(p.count)
            }
            return total / Float(p.count)
        }
    }

    /// The mean over the last axis of |labels − predictions|.
    public static let meanAbsoluteError = Loss(name: "mean_absolute_error") { labels, predictions in
        rowLoss("mean_absolute_error", labels, predictions) { y, p, gradient in
            var total: Float = 0
            for j in 0..<p.count {
                let difference = y[j] - p[j]
                total += Swift.abs(difference)
                gradient?[j] = (difference > 0 ? -1 : (difference < 0 ? 1 : 0)) / Float(p.count)
            }
            return total / Float(p.count)
        }
    }

    public static let binaryCrossentropy = binaryCrossentropy()
    public static let categoricalCrossentropy = categoricalCrossentropy()
    public static let sparseCategoricalCrossentropy = sparseCategoricalCrossentropy()

    /// Keras's `epsilon()`: 1e-7, and its complement, as float32.
    static let epsilon: Float = 1e-7
    static let oneMinusEpsilon: Float = 1 - epsilon
}

/// One row's loss from its labels and predictions; writes d loss / d prediction into `gradient` when given.
typealias RowLoss = (_ labels: UnsafeBufferPointer<Float>, _ predictions: UnsafeBufferPointer<Float>,
                     _ gradient: UnsafeMutableBufferPointer<Float>?) -> Float

extension Loss {
    /// Per-sample losses over the rows (last axis) of `predictions` and same-shaped `labels`,
    /// recorded with their gradient.
    static func rowLoss(_ name: String, _ labels: Tensor, _ predictions: Tensor, _ row: @escaping RowLoss) -> Tensor {
        guard labels.scalarCount == predictions.scalarCount,
              labels.shape.dimensions.filter({ $0 != 1 }) == predictions.shape.dimensions.filter({ $0 != 1 }) else {
            fatalError("\(name): labels of shape \(labels.shape) do not match predictions of shape \(predictions.shape)")
        }
        let width = predictions.rank == 0 ? 1 : predictions.shape[-1]
        let rows = predictions.scalarCount / Swift.max(width, 1)
        let y = labels.scalars, p = predictions.scalars
        var values = [Float](repeating: 0, count: rows)
        y.withUnsafeBufferPointer { y in p.withUnsafeBufferPointer { p in
            for r in 0..<rows {
                values[r] = row(UnsafeBufferPointer(rebasing: y[(r * width)..<((r + 1) * width)]),
                                UnsafeBufferPointer(rebasing: p[(r * width)..<((r + 1) * width)]), nil)
            }
        } }
        let shape = TensorShape(Array(predictions.shape.dimensions.dropLast()))
        return Tensor(shape: shape, scalars: values).recorded(name, inputs: [predictions, labels]) { upstream in
            let dLoss = upstream.scalars
            var gradient = [Float](repeating: 0, count: p.count)
            y.withUnsafeBufferPointer { y in p.withUnsafeBufferPointer { p in gradient.withUnsafeMutableBufferPointer { g in
                for r in 0..<rows {
                    let range = (r * width)..<((r + 1) * width)
                    let rowGradient = UnsafeMutableBufferPointer(rebasing: g[range])
                    _ = row(UnsafeBufferPointer(rebasing: y[range]), UnsafeBufferPointer(rebasing: p[range]), rowGradient)
                    for j in rowGradient.indices { rowGradient[j] *= dLoss[r] }
                }
            } } }
            return [Tensor(shape: predictions.shape, scalars: gradient), labelsHaveNoGradient(name, labels)]
        }
    }

    /// Sparse categorical crossentropy: integer labels pick the class of each row.
    static func sparseLoss(_ labels: Tensor, _ predictions: Tensor, fromLogits: Bool) -> Tensor {
        let name = "sparse_categorical_crossentropy"
        let classes = predictions.shape.dimensions.last ?? 1
        let rows = predictions.scalarCount / Swift.max(classes, 1)
        guard predictions.rank >= 1, labels.scalarCount == rows,
              labels.shape.dimensions.filter({ $0 != 1 }) == predictions.shape.dimensions.dropLast().filter({ $0 != 1 }) else {
            fatalError("\(name): labels of shape \(labels.shape) must hold one class per row of predictions of shape \(predictions.shape)")
        }
        let ids = labels.scalars
        if let bad = ids.first(where: { $0 < 0 || $0 >= Float(classes) || $0.rounded() != $0 }) {
            fatalError("\(name): label \(bad) is not a class index in 0..<\(classes)")
        }
        let oneHot = Tensor(shape: predictions.shape, scalars: (0..<(rows * classes)).map { Float(Int(ids[$0 / classes]) == $0 % classes ? 1 : 0) })
        // Probabilities are clipped and logged, then treated as logits (Keras's implicit renormalisation).
        let loss = fromLogits ? softmaxCrossentropy : { (y: UnsafeBufferPointer<Float>, p: UnsafeBufferPointer<Float>, g: UnsafeMutableBufferPointer<Float>?) -> Float in
            let logs = p.map { Foundation.log(Swift.min(Swift.max($0, Loss.epsilon), Loss.oneMinusEpsilon)) }
            let value = logs.withUnsafeBufferPointer { softmaxCrossentropy(y, $0, g) }
            if let g {
                for j in 0..<p.count {
                    g[j] = p[j] < Loss.epsilon || p[j] > Loss.oneMinusEpsilon ? 0 : g[j] / Swift.min(Swift.max(p[j], Loss.epsilon), Loss.oneMinusEpsilon)
                }
            }
            return value
        }
        let perRow = rowLoss(name, oneHot, predictions, loss)
        return perRow.recorded(name, inputs: [perRow, labels]) { [labels] gradient in [gradient, labelsHaveNoGradient(name, labels)] }
            .reshaped(to: TensorShape(Array(predictions.shape.dimensions.dropLast())))
    }

    /// nil for labels that are constants; a trap when the labels were computed from tracked values.
    static func labelsHaveNoGradient(_ name: String, _ labels: Tensor) -> Tensor? {
        if labels.tapeReference != nil {
            fatalError("valueWithGradient: \(name) has no gradient with respect to its labels, and the labels depend on what is being differentiated")
        }
        return nil
    }

    /// −(y log p + (1 − y) log(1 − p)) averaged over the row, p clipped to [ε, 1 − ε].
    static func binaryCrossentropyOfProbabilities(_ y: UnsafeBufferPointer<Float>, _ p: UnsafeBufferPointer<Float>,
                                                  _ gradient: UnsafeMutableBufferPointer<Float>?) -> Float {
        var total: Float = 0
        for j in 0..<p.count {
            let clipped = Swift.min(Swift.max(p[j], epsilon), oneMinusEpsilon)
            var value = y[j] * Foundation.log(clipped)
            value += (1 - y[j]) * Foundation.log(1 - clipped)
            total += -value
            let inside = p[j] >= epsilon && p[j] <= oneMinusEpsilon
            gradient?[j] = inside ? (-(y[j] / clipped) + (1 - y[j]) / (1 - clipped)) / Float(p.count) : 0
        }
        return total / Float(p.count)
    }

    /// TensorFlow's `sigmoid_cross_entropy_with_logits`, max(z, 0) − z·y + log1p(exp(−|z|)), averaged over the row.
    static func sigmoidCrossentropy(_ y: UnsafeBufferPointer<Float>, _ z: UnsafeBufferPointer<Float>,
                                    _ gradient: UnsafeMutableBufferPointer<Float>?) -> Float {
        var total: Float = 0
        for j in 0..<z.count {
            let e = Foundation.exp(-Swift.abs(z[j]))
            total += (Swift.max(z[j], 0) - z[j] * y[j]) + Foundation.log1p(e)
            let logTerm = e / (1 + e)
            gradient?[j] = (z[j] >= 0 ? 1 - y[j] - logTerm : -y[j] + logTerm) / Float(z.count)
        }
        return total / Float(z.count)
    }

    /// TensorFlow's `softmax_cross_entropy_with_logits`: Σ y · (log Σ exp z − z); gradient softmax(z) − y.
    static func softmaxCrossentropy(_ y: UnsafeBufferPointer<Float>, _ z: UnsafeBufferPointer<Float>,
                                    _ gradient: UnsafeMutableBufferPointer<Float>?) -> Float {
        let largest = z.max() ?? 0
        var sum: Float = 0
        for j in 0..<z.count { sum += Foundation.exp(z[j] - largest) }
        let logSum = Foundation.log(sum)
        var total: Float = 0
        for j in 0..<z.count {
            total += y[j] * (logSum - (z[j] - largest))
            gradient?[j] = Foundation.exp(z[j] - largest) / sum - y[j]
        }
        return total
    }

    /// −Σ y log q over the row, q = p / Σ p clipped to [ε, 1 − ε], with the normalisation's gradient.
    static func categoricalCrossentropyOfProbabilities(_ y: UnsafeBufferPointer<Float>, _ p: UnsafeBufferPointer<Float>,
                                                       _ gradient: UnsafeMutableBufferPointer<Float>?) -> Float {
        var sum: Float = 0
        for j in 0..<p.count { sum += p[j] }
        var total: Float = 0
        var weighted: Float = 0
        for j in 0..<p.count {
            let q = p[j] / sum
            let clipped = Swift.min(Swift.max(q, epsilon), oneMinusEpsilon)
            total += y[j] * Foundation.log(clipped)
            let dq: Float = q >= epsilon && q <= oneMinusEpsilon ? -y[j] / clipped : 0
            gradient?[j] = dq
            weighted += dq * p[j]
        }
        if let gradient {
            for j in 0..<p.count { gradient[j] = gradient[j] / sum - weighted / (sum * sum) }
        }
        return -total
    }
}
