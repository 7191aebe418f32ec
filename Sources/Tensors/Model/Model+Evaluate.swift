extension Model {
    /// The loss and metrics on `x` and `y`, in batches of `batchSize`; Keras's
    /// `evaluate(return_dict=True)`: `["loss": ..., "accuracy": ...]`.
    @discardableResult
    public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int = 32, verbose: Int = 1) -> [String: Float] {
        evaluate([x], y, batchSize: batchSize, verbose: verbose)
    }

    /// `evaluate` for a model of several inputs.
    @discardableResult
    public func evaluate(_ x: [Tensor], _ y: Tensor, batchSize: Int = 32, verbose: Int = 1) -> [String: Float] {
        let setup = requireCompiled(for: "evaluate")
        let samples = Samples(inputs: x, labels: y, for: "\(name).evaluate")
        let logs = evaluateSamples(samples, batchSize: batchSize, setup: setup)
        let batches = (samples.count + batchSize - 1) / batchSize
        ProgressBar(target: batches, verbose: verbose).finish(logs: logs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return logs
    }

    /// The model's outputs for `x`, computed in batches of `batchSize`; Keras's `predict`. The
    /// result is plain values: a loss on them clips probabilities, as on Keras's numpy output.
    public func predict(_ x: Tensor, batchSize: Int = 32, verbose: Int = 1) -> Tensor {
        predict([x], batchSize: batchSize, verbose: verbose)
    }

    /// `predict` for a model of several inputs.
    public func predict(_ x: [Tensor], batchSize: Int = 32, verbose: Int = 1) -> Tensor {
        let samples = Samples(inputs: x, labels: nil, for: "\(name).predict")
        let batches = Samples.batches(of: Array(0..<samples.count), size: batchSize)
        let outputs = batches.map { self(samples.picking($0).inputs).detached }
        ProgressBar(target: batches.count, verbose: verbose).finish(logs: [])
        return outputs.count == 1 ? outputs[0] : Tensor(concatenating: outputs, alongAxis: 0).detached
    }

    /// The running loss and metrics over `samples` in order, as `evaluate` and `fit`'s validation compute them.
    func evaluateSamples(_ samples: Samples, batchSize: Int, setup: Compiled) -> [String: Float] {
        var running = RunningLogs(loss: setup.loss, metrics: setup.metrics)
        for batch in Samples.batches(of: Array(0..<samples.count), size: batchSize) {
            let picked = samples.picking(batch)
            let predictions = self(picked.inputs)
            let loss = setup.loss(picked.labels!, predictions)
            running.add(loss: loss.scalars[0], labels: picked.labels!, predictions: predictions, count: batch.count)
        }
        return running.logs
    }
}
