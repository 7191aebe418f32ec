import Dispatch

extension RecurrentLayer {
    /// `calls` recorded on `tape` as one node, run as a `CallSchedule` places them: the forward
    /// passes keep a trace per slice of each batch, and the node's backward pass runs the calls'
    /// backward passes the same way. Each call's results (its output, then each final state) are
    /// slices of that node, so gradients reaching any of them meet in one backward pass.
    static func recordedRuns(_ calls: [RecurrentCall], on tape: Tape) -> [(output: Tensor, states: [Tensor])] {
        let schedule = CallSchedule(works: calls.map(\.work), threads: BLASThreads.count)
        let runs = schedule.map { calls[$0].layer.run(calls[$0], threads: schedule.threadsPerCall, recording: true) }
        let parts = runs.map { [$0.output] + $0.states }
        let sizes = parts.map { $0.reduce(0) { $0 + $1.scalarCount } }
        let starts = sizes.indices.map { sizes[..<$0].reduce(0, +) }
        let packed = Tensor(shape: [sizes.reduce(0, +)], scalars: parts.joined().flatMap(\.scalars))
        let arguments = calls.flatMap { [$0.input] + ($0.initialState ?? []) }
        let needsInputGradient = calls.map { tape.node(of: $0.input) != nil }
        let name = calls.map(\.layer.description).joined(separator: " and ")
        let whole = tape.record(name, inputs: arguments.map(tape.node(of:)), output: packed) { [unowned tape] gradient in
            let results = schedule.map { index in
                calls[index].layer.backward(Array(gradient.scalars[starts[index]..<(starts[index] + sizes[index])]),
                                            of: calls[index], run: runs[index], needsInputGradient: needsInputGradient[index])
            }
            for (call, result) in zip(calls, results) {
                for (weight, values) in result.weights.enumerated() { tape.accumulate(values, into: call.layer, weight: weight) }
            }
            return results.flatMap { [$0.input] + $0.initialStates }
        }
        let node = whole.tapeReference!.node
        var offset = 0
        let sliced = zip(calls, parts).map { call, parts in
            parts.map { part -> Tensor in
                let start = offset, count = part.scalarCount, total = packed.scalarCount
                offset += count
                return tape.record("\(call.layer.description) result", inputs: [node], output: part) { gradient in
                    var values = [Float](repeating: 0, count: total)
                    values.replaceSubrange(start..<(start + count), with: gradient.scalars)
                    return [Tensor(shape: [total], scalars: values)]
                }
            }
        }
        return sliced.map { ($0[0], Array($0.dropFirst())) }
    }

    /// What one call's backward pass computes: the gradients of its input (nil when not needed) and
    /// initial states (none without them), and of each weight in `weights` order.
    struct Gradients {
        let input: Tensor?
        let initialStates: [Tensor?]
        let weights: [[Float]]
    }

    /// Backpropagation through time from the gradient of `call`'s packed results: the slices in
    /// parallel as the forward pass ran them, their weight gradients summed.
    private func backward(_ gradient: [Float], of call: RecurrentCall, run: RecurrentRun, needsInputGradient: Bool) -> Gradients {
        let input = call.input, dropoutMasks = call.dropoutMasks, partition = run.partition, traces = run.traces
        let batchSize = input.shape[0], timesteps = input.shape[1], features = input.shape[2]
        let u = units, width = cell.gateCount * u, stateCount = cell.stateCount
        let outputCount = returnSequences ? batchSize * timesteps * u : batchSize * u
        let biasCount = useBias ? cell.biasShape.scalarCount : 0
        // Every value is written: each slice writes its rows at every timestep.
        var inputGradient = [Float](unsafeUninitializedCapacity: needsInputGradient ? input.scalarCount : 0) { $1 = $0.count }
        var stateGradients = [Float](repeating: 0, count: stateCount * batchSize * u)
        // Per slice: kernel, recurrent kernel and bias gradients, summed afterwards.
        let sliceSize = features * width + u * width + biasCount
        var weightGradients = [Float](repeating: 0, count: partition.slices.count * sliceSize)
        var unused = [Float](repeating: 0, count: stateCount * batchSize * u + batchSize * u)

        let inputs = [input.scalars, run.kernel, run.recurrentKernel, run.bias, gradient,
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
                let backwardSlice = { (part: Int) in
                    let weights = weightsBase + part * sliceSize
                    loop.backward(rows: partition.slices[part], trace: traces[part], results: resultGradients, into: .init(
                        input: inputBase, initialStates: statesBase,
                        kernel: weights, recurrentKernel: weights + features * width,
                        bias: biasCount > 0 ? weights + features * width + u * width : nil))
                }
                if partition.isParallel {
                    BLASThreads.withSingleThreadedBLAS {
                        DispatchQueue.concurrentPerform(iterations: partition.slices.count, execute: backwardSlice)
                    }
                } else {
                    backwardSlice(0)
                }
            }
        } } } }

        weightGradients.withUnsafeMutableBufferPointer { gradients in
            let sum = gradients.baseAddress!
            for part in 1..<Swift.max(1, partition.slices.count) {
                let slice = sum + part * sliceSize
                for i in 0..<sliceSize { sum[i] += slice[i] }
            }
        }
        let kernelEnd = features * width, recurrentEnd = kernelEnd + u * width
        let weights = [Array(weightGradients[0..<kernelEnd]), Array(weightGradients[kernelEnd..<recurrentEnd])]
            + (useBias ? [Array(weightGradients[recurrentEnd..<sliceSize])] : [])
        let initialStates = call.initialState == nil ? [] : (0..<stateCount).map { state in
            Tensor(shape: [batchSize, u], scalars: Array(stateGradients[(state * batchSize * u)..<((state + 1) * batchSize * u)]))
        }
        return Gradients(input: needsInputGradient ? Tensor(shape: input.shape, scalars: inputGradient) : nil,
                         initialStates: initialStates, weights: weights)
    }
}
