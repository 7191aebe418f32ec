extension Model {
    /// Trains the model on `x` and `y` for `epochs` passes; Keras's `fit`.
    ///
    /// Each epoch visits the samples in batches of `batchSize` (in a new random order from the
    /// engine's seeded generator when `shuffle`), and for each batch computes the loss, its
    /// gradients and one optimizer step. The epoch's `loss` is the mean of the batches' losses
    /// before their steps, weighted by batch size; metrics likewise. `validationSplit` keeps the
    /// last share of the samples (taken before shuffling) out of training, and `validationData`
    /// gives held-out samples instead; both are evaluated after each epoch as `val_loss` and
    /// `val_<metric>`. Prints Keras's progress (see `verbose`) and returns the `History`.
    @discardableResult
    public func fit(_ x: Tensor, _ y: Tensor, batchSize: Int = 32, epochs: Int = 1, verbose: Int = 1,
                    validationSplit: Double = 0, validationData: (Tensor, Tensor)? = nil, shuffle: Bool = true,
                    callbacks: [Callback] = []) -> History {
        fit([x], y, batchSize: batchSize, epochs: epochs, verbose: verbose, validationSplit: validationSplit,
            validationData: validationData.map { ([$0.0], $0.1) }, shuffle: shuffle, callbacks: callbacks)
    }

    /// `fit` for a model of several inputs (one tensor each, the same number of samples).
    @discardableResult
    public func fit(_ x: [Tensor], _ y: Tensor, batchSize: Int = 32, epochs: Int = 1, verbose: Int = 1,
                    validationSplit: Double = 0, validationData: ([Tensor], Tensor)? = nil, shuffle: Bool = true,
                    callbacks: [Callback] = []) -> History {
        let setup = requireCompiled(for: "fit")
        trapOnError {
            if batchSize < 1 { throw LayerError("\(name).fit: batchSize must be at least 1, got \(batchSize)") }
            if !(0..<1).contains(validationSplit) {
                throw LayerError("\(name).fit: validationSplit must be in [0, 1), got \(validationSplit)")
            }
        }
        var training = Samples(inputs: x, labels: y, for: "\(name).fit")
        var validation = validationData.map { Samples(inputs: $0.0, labels: $0.1, for: "\(name).fit(validationData:)") }
        if validationSplit > 0, validation == nil {
            let split = Int((Double(training.count) * (1 - validationSplit)).rounded(.down))
            trapOnError {
                if split == 0 || split == training.count {
                    throw LayerError("\(name).fit: validationSplit \(validationSplit) of \(training.count) samples leaves no training or no validation samples")
                }
            }
            (training, validation) = training.split(at: split)
        }

        let history = History()
        stopTraining = false
        for callback in callbacks { callback.model = self }
        callbacks.forEach { $0.onTrainBegin() }
        var logs: [String: Float] = [:]
        for epoch in 0..<epochs where !stopTraining {
            callbacks.forEach { $0.onEpochBegin(epoch) }
            if verbose > 0 && epochs > 1 { print("Epoch \(epoch + 1)/\(epochs)") }
            let order = shuffle ? GlobalRandom.shared.draw { $0.permutation(of: training.count) } : Array(0..<training.count)
            let batches = Samples.batches(of: order, size: batchSize)
            let progress = ProgressBar(target: batches.count, verbose: verbose)
            var running = RunningLogs(loss: setup.loss, metrics: setup.metrics)
            for (index, batch) in batches.enumerated() where !stopTraining {
                callbacks.forEach { $0.onTrainBatchBegin(index) }
                let samples = training.picking(batch)
                let labels = samples.labels!
                var predictions = Tensor(0)
                let (loss, gradients) = LearningPhase.$isTraining.withValue(true) {
                    valueWithGradient(of: self) { model in
                        predictions = model(samples.inputs)
                        return setup.loss(labels, predictions)
                    }
                }
                setup.optimizer.apply(gradients, to: self)
                running.add(loss: loss.scalars[0], labels: labels, predictions: predictions, count: batch.count)
                logs = running.logs
                callbacks.forEach { $0.onTrainBatchEnd(index, logs: logs) }
                progress.update(step: index + 1, logs: running.ordered)
            }
            if let validation {
                for (name, value) in evaluateSamples(validation, batchSize: batchSize, setup: setup) {
                    logs["val_" + name] = value
                }
            }
            progress.finish(logs: logs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            history.record(epoch: epoch, logs: logs)
            callbacks.forEach { $0.onEpochEnd(epoch, logs: logs) }
        }
        callbacks.forEach { $0.onTrainEnd(logs: logs) }
        return history
    }
}

/// The running means `fit` and `evaluate` report: the loss weighted by batch size, and each
/// metric over every sample so far (for masked sequence outputs, every real step), in float32 as
/// Keras's `Mean` metrics keep them.
struct RunningLogs {
    let loss: Loss
    let metrics: [Metric]
    private var lossMean = Mean()
    private var metricMeans: [Mean]

    init(loss: Loss, metrics: [Metric]) {
        self.loss = loss
        self.metrics = metrics
        metricMeans = metrics.map { _ in Mean() }
    }

    mutating func add(loss value: Float, labels: Tensor, predictions: Tensor, count: Int) {
        lossMean.update(value, weight: Float(count))
        for index in metrics.indices {
            let values = metrics[index].values(labels, predictions)
            if let weights = Metric.maskWeights(of: predictions, count: values.count) {
                metricMeans[index].update(values, weights: weights)
            } else {
                metricMeans[index].update(values)
            }
        }
    }

    /// The logs by name: `loss` and each metric's name.
    var logs: [String: Float] {
        var logs = ["loss": lossMean.result]
        for (metric, mean) in zip(metrics, metricMeans) { logs[metric.name] = mean.result }
        return logs
    }

    /// The logs sorted by name, as Keras prints them.
    var ordered: [(String, Float)] {
        logs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
