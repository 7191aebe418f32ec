import Dispatch

extension RecurrentLayer {
    /// A call recorded on `tape`: the forward pass keeps a trace per slice of the batch, and one node
    /// holds the backward pass of the whole call. Its results (the output, then each final state)
    /// are slices of that node, so gradients reaching any of them meet in one backward pass.
    func recordedRun(_ input: Tensor, initialState: [Tensor]?, on tape: Tape) -> (output: Tensor, states: [Tensor]) {
        let (results, partition, traces, dropoutMasks) = run(input, initialState: initialState, recording: true)
        let parts = [results.output] + results.states
        let packed = Tensor(shape: [parts.reduce(0) { $0 + $1.scalarCount }], scalars: parts.flatMap(\.scalars))
        let arguments = [input] + (initialState ?? [])
        let needsInputGradient = tape.node(of: input) != nil
        let kernels = (transposedKernel, transposedRecurrentKernel, bias)
        let whole = tape.record(description, inputs: arguments.map(tape.node(of:)), output: packed) { [unowned tape] gradient in
            self.backward(gradient.scalars, input: input, hasInitialState: initialState != nil, needsInputGradient: needsInputGradient,
                          kernels: kernels, dropoutMasks: dropoutMasks, partition: partition, traces: traces, tape: tape)
        }
        let node = whole.tapeReference!.node
        var offset = 0
        let sliced = parts.map { part -> Tensor in
            let start = offset, count = part.scalarCount, total = packed.scalarCount
            offset += count
            return tape.record("\(description) result", inputs: [node], output: part) { gradient in
                var values = [Float](repeating: 0, count: total)
                values.replaceSubrange(start..<(start + count), with: gradient.scalars)
                return [Tensor(shape: [total], scalars: values)]
            }
        }
        return (sliced[0], Array(sliced.dropFirst()))
    }

    /// Backpropagation through time from the packed results' gradient: the slices in parallel as
    /// the forward pass ran them, their weight gradients summed into the tape.
    private func backward(_ gradient: [Float], input: Tensor, hasInitialState: Bool, needsInputGradient: Bool,
                          kernels: (kernel: [Float], recurrentKernel: [Float], bias: [Float]), dropoutMasks: RecurrentDropoutMasks?,
                          partition: BatchPartition, traces: [RecurrentTrace], tape: Tape) -> [Tensor?] {
        let batchSize = input.shape[0], timesteps = input.shape[1], features = input.shape[2]
        let u = units, width = cell.gateCount * u, stateCount = cell.stateCount
        let outputCount = returnSequences ? batchSize * timesteps * u : batchSize * u
        let biasCount = useBias ? cell.biasShape.scalarCount : 0
        var inputGradient = [Float](repeating: 0, count: needsInputGradient ? input.scalarCount : 0)
        var stateGradients = [Float](repeating: 0, count: stateCount * batchSize * u)
        // Per slice: kernel, recurrent kernel and bias gradients, summed afterwards.
        let sliceSize = features * width + u * width + biasCount
        var weightGradients = [Float](repeating: 0, count: partition.slices.count * sliceSize)
        var unused = [Float](repeating: 0, count: stateCount * batchSize * u + batchSize * u)

        let inputs = [input.scalars, kernels.kernel, kernels.recurrentKernel, kernels.bias, gradient,
                      dropoutMasks?.input ?? [], dropoutMasks?.recurrent ?? []]
        inputGradient.withUnsafeMutableBufferPointer { inputGradient in
        stateGradients.withUnsafeMutableBufferPointer { stateGradients in
        weightGradients.withUnsafeMutableBufferPointer { weightGradients in
        unused.withUnsafeMutableBufferPointer { unused in
            withUnsafeBuffers(inputs[...]) { buffers in
                let loop = timeLoop(
                    batchSize: batchSize, timesteps: timesteps, features: features, mask: input.mask,
                    input: buffers[0].baseAddress!, kernel: buffers[1].baseAddress!, recurrentKernel: buffers[2].baseAddress!,
                    bias: useBias ? buffers[3].baseAddress! : nil, initialStates: nil,
                    finalStates: unused.baseAddress!, lastOutputs: unused.baseAddress! + stateCount * batchSize * u, sequence: nil,
                    dropout: dropoutMasks, inputDropout: buffers[5], recurrentDropout: buffers[6])
                let results = buffers[4].baseAddress!
                let resultGradients = TimeLoop.ResultGradients(
                    sequence: returnSequences ? results : nil, lastOutput: returnSequences ? nil : results,
                    finalStates: results + outputCount)
                let inputBase = needsInputGradient ? inputGradient.baseAddress : nil, statesBase = stateGradients.baseAddress!
                let weightsBase = weightGradients.baseAddress!
                let run = { (part: Int) in
                    let weights = weightsBase + part * sliceSize
                    loop.backward(rows: partition.slices[part], trace: traces[part], results: resultGradients, into: .init(
                        input: inputBase, initialStates: statesBase,
                        kernel: weights, recurrentKernel: weights + features * width,
                        bias: biasCount > 0 ? weights + features * width + u * width : nil))
                }
                if partition.isParallel {
                    BLASThreads.withSingleThreadedBLAS {
                        DispatchQueue.concurrentPerform(iterations: partition.slices.count, execute: run)
                    }
                } else {
                    run(0)
                }
            }
        } } } }

        for part in 1..<Swift.max(1, partition.slices.count) {
            for i in 0..<sliceSize { weightGradients[i] += weightGradients[part * sliceSize + i] }
        }
        tape.accumulate(Array(weightGradients[0..<(features * width)]), into: self, weight: 0)
        tape.accumulate(Array(weightGradients[(features * width)..<(features * width + u * width)]), into: self, weight: 1)
        if useBias { tape.accumulate(Array(weightGradients[(features * width + u * width)..<sliceSize]), into: self, weight: 2) }

        let inputResult = needsInputGradient ? Tensor(shape: input.shape, scalars: inputGradient) : nil
        let initialStates = hasInitialState
            ? (0..<stateCount).map { state in
                Tensor(shape: [batchSize, u], scalars: Array(stateGradients[(state * batchSize * u)..<((state + 1) * batchSize * u)]))
            }
            : []
        return [inputResult] + initialStates
    }
}
