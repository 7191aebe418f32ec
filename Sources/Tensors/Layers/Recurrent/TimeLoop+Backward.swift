internal import CKernels

extension TimeLoop {
    /// The gradients reaching one call's results, batch-major as the call returned them (nil: none).
    struct ResultGradients {
        /// (batchSize, timesteps, units) for a layer that returns sequences.
        let sequence: UnsafePointer<Float>?
        /// (batchSize, units): the last output.
        let lastOutput: UnsafePointer<Float>?
        /// (stateCount, batchSize, units).
        let finalStates: UnsafePointer<Float>?
    }

    /// Where one slice's backward pass writes: its rows of the input's and initial states' gradients
    /// (batch-major, like the call's arguments), and its own weight gradients in Keras's layouts.
    struct ArgumentGradients {
        /// (batchSize, timesteps, features), or nil when the input needs no gradient.
        let input: UnsafeMutablePointer<Float>?
        /// (stateCount, batchSize, units).
        let initialStates: UnsafeMutablePointer<Float>
        /// (features, gateCount · units), zeroed: the kernel's.
        let kernel: UnsafeMutablePointer<Float>
        /// (units, gateCount · units), zeroed.
        let recurrentKernel: UnsafeMutablePointer<Float>
        /// The bias's (gateCount · units, or twice that for GRU with `resetAfter`), zeroed, or nil without a bias.
        let bias: UnsafeMutablePointer<Float>?
    }

    /// Backpropagation through time over the sequences `rows`, from their `trace`.
    ///
    /// Per step, from last to first: the gradient reaching h (the next step's, the step's output's,
    /// and a masked step's repeated output's), one cell backward step and one GEMM through the
    /// recurrent kernel; a masked step passes the states' gradient straight through and gives its
    /// gates nothing. Then each weight gradient and the input's are one GEMM over all timesteps (one
    /// per gate where dropout gave each gate its own mask).
    func backward(rows: Range<Int>, trace: RecurrentTrace, results: ResultGradients, into arguments: ArgumentGradients) {
        let u = cell.units, n = rows.count, width = cell.gateCount * u
        let stateSize = cell.stateCount * u * n
        let buffers = CacheAlignedBuffer.allocate(count: 2 * stateSize + 5 * u * n)
        defer { CacheAlignedBuffer.deallocate(buffers) }
        buffers.initialize(repeating: 0, count: 2 * stateSize + 5 * u * n)
        // The states' gradient after the current step and before it, swapped every step.
        var carry = buffers, previousGradient = buffers + stateSize
        let hGradient = buffers + 2 * stateSize, outputCarry = hGradient + u * n, workspace = outputCarry + u * n
        let droppedGradient = workspace + u * n
        // A masked layer's sequence gradient at the current step, unit-major.
        let stepOutput = droppedGradient + u * n
        let recurrentScales = recurrentDropout.map { _ in unitMajorRecurrentScales(rows: rows) }
        defer { recurrentScales.map(CacheAlignedBuffer.deallocate) }

        for (local, row) in rows.enumerated() {
            if let finalStates = results.finalStates {
                for state in 0..<cell.stateCount {
                    for j in 0..<u { carry[(state * u + j) * n + local] += finalStates[(state * batchSize + row) * u + j] }
                }
            }
            if let lastOutput = results.lastOutput {
                // Without a mask the last output is h; with one, the last real step's output.
                let target = mask == nil ? carry : outputCarry
                for j in 0..<u { target[j * n + local] += lastOutput[row * u + j] }
            }
        }

        // Whether each row's current step is real, when there is a mask (1 or 0, for the column kernels).
        var isReal = [UInt8](repeating: 1, count: n)
        for s in stride(from: timesteps - 1, through: 0, by: -1) {
            if let mask {
                for (local, row) in rows.enumerated() { isReal[local] = mask[row, timestep(s)] ? 1 : 0 }
                // A real step takes the gradient of the outputs that repeated it on the masked steps after it.
                var output: UnsafePointer<Float>?
                if let sequence = results.sequence {
                    folio_transpose_block(sequence + (rows.lowerBound * timesteps + s) * u, timesteps * u, n, u, stepOutput, n)
                    output = UnsafePointer(stepOutput)
                }
                folio_masked_output_gradient(hGradient, carry, outputCarry, output, u, n, isReal, zeroOutputForMask ? 0 : 1)
            } else if let sequence = results.sequence {
                // Every step is real: h's gradient is the next step's plus this step's output's.
                for (local, row) in rows.enumerated() {
                    let output = sequence + (row * timesteps + s) * u
                    for j in 0..<u { hGradient[j * n + local] = carry[j * n + local] + output[j] }
                }
            } else {
                hGradient.update(from: carry, count: u * n)
            }
            cell.backwardStep(RecurrentBackwardStep(
                units: u, batchSize: n, hGradient: hGradient, stateGradient: carry,
                gates: trace.gates(at: s), preActivations: trace.preActivations(at: s),
                previous: trace.states(before: s), next: trace.states(before: s + 1),
                scratch: trace.scratchHistory.map { $0 + s * n },
                gateGradient: trace.gateGradients + s * n, recurrentGateGradient: trace.recurrentGateGradients.map { $0 + s * n },
                gradientStride: trace.stride, previousGradient: previousGradient,
                recurrentKernel: recurrentKernel, workspace: workspace,
                recurrentScales: recurrentScales.map { UnsafePointer($0) }, droppedGradient: droppedGradient))
            if mask != nil, isReal.contains(0) {
                for matrix in [trace.gateGradients, trace.recurrentGateGradients] {
                    guard let matrix else { continue }
                    folio_zero_columns(matrix + s * n, trace.stride, width, n, isReal, 0)
                }
                folio_copy_columns(previousGradient, n, carry, n, cell.stateCount * u, n, isReal, 0)
            }
            swap(&carry, &previousGradient)
        }

        for (local, row) in rows.enumerated() {
            for state in 0..<cell.stateCount {
                for j in 0..<u { arguments.initialStates[(state * batchSize + row) * u + j] = carry[(state * u + j) * n + local] }
            }
        }
        addWeightGradients(trace, into: arguments)
        guard let inputGradient = arguments.input else { return }
        // dx = dzᵀ · kernel over all timesteps, one row per (step, sequence), into the trace's input
        // matrix (no longer needed, and as large); each row is then one contiguous copy into the
        // batch-major result, where the transposed product needed a strided gather. With input
        // dropout, per input group, then scaled by the group's mask and summed.
        let groupWidth = width / inputGroups, groupSize = features * trace.stride
        for group in 0..<inputGroups {
            multiplyMatrices(m: trace.stride, n: features, k: groupWidth, trace.gateGradients + group * groupWidth * trace.stride,
                             lda: trace.stride, transposingA: true, kernel + group * groupWidth * features, ldb: features,
                             transposingB: false, into: trace.inputs + group * groupSize, ldc: features, beta: 0)
        }
        for s in 0..<timesteps {
            guard let inputDropout else {
                folio_copy_block(trace.inputs + s * n * features, features, n, features,
                                 inputGradient + (rows.lowerBound * timesteps + timestep(s)) * features, timesteps * features)
                continue
            }
            for (local, row) in rows.enumerated() {
                let x = inputGradient + (row * timesteps + timestep(s)) * features
                let values = trace.inputs + (s * n + local) * features
                for feature in 0..<features { x[feature] = 0 }
                for group in 0..<inputGroups {
                    let scales = inputDropout + (group * batchSize + row) * features, groupValues = values + group * groupSize
                    for feature in 0..<features { x[feature] += scales[feature] * groupValues[feature] }
                }
            }
        }
    }

    /// kernel: xᵀ-history · dzᵀ (per input group); recurrent kernel: the cell's; bias: the rows' sums.
    private func addWeightGradients(_ trace: RecurrentTrace, into arguments: ArgumentGradients) {
        let width = cell.gateCount * cell.units, groupWidth = width / inputGroups
        for group in 0..<inputGroups {
            multiplyMatrices(m: features, n: groupWidth, k: trace.stride, trace.inputs + group * features * trace.stride, lda: trace.stride,
                             transposingA: false, trace.gateGradients + group * groupWidth * trace.stride, ldb: trace.stride,
                             transposingB: true, into: arguments.kernel + group * groupWidth, ldc: width, beta: 1)
        }
        cell.addRecurrentKernelGradient(trace, into: arguments.recurrentKernel)
        guard let bias = arguments.bias else { return }
        let sources = [trace.gateGradients] + (trace.recurrentGateGradients.map { [$0] } ?? [])
        for (part, source) in sources.enumerated() {
            folio_add_row_sums(source, width, trace.stride, trace.stride, bias + part * width)
        }
    }
}
