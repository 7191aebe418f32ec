internal import CKernels

extension GRUCell {
    /// The rows of the scratch the backward pass needs: U_h · h_prev + recurrent bias (`resetAfter`),
    /// or r · h_prev.
    var tracedScratchRows: Range<Int>? { resetAfter ? (2 * units)..<(3 * units) : 0..<units }
    var hasSeparateRecurrentGradient: Bool { resetAfter }

    /// From dh after the step: dz = dh · (h_prev − hh), dhh = dh · (1 − z), dh_prev = dh · z + the
    /// gradient through the recurrent products, which differ by when the reset gate applies.
    func backwardStep(_ step: RecurrentBackwardStep) {
        if resetAfter { backwardResettingAfter(step) } else { backwardResettingBefore(step) }
    }

    private func backwardResettingAfter(_ step: RecurrentBackwardStep) {
        let n = step.batchSize, u = units, block = u * n
        let gates = step.gates, dh = step.hGradient, previous = step.previous, inner = step.scratch!
        let recurrent = step.recurrentGateGradient!
        if let kind = activation.kernelKind, let recurrentKind = recurrentActivation.kernelKind {
            folio_gru_backward(gates, previous, inner, dh, step.gateGradient, recurrent, step.gradientStride,
                               step.previousGradient, u, n, kind, recurrentKind)
            step.propagateThroughRecurrentKernel(gateRows: 0..<(3 * u), by: recurrent, into: step.previousGradient, beta: 1)
            return
        }
        for j in 0..<u {
            let dzRow = step.gradientRow(step.gateGradient, j), drRow = step.gradientRow(step.gateGradient, u + j)
            let dhhRow = step.gradientRow(step.gateGradient, 2 * u + j)
            let dzRecurrent = step.gradientRow(recurrent, j), drRecurrent = step.gradientRow(recurrent, u + j)
            let dhhRecurrent = step.gradientRow(recurrent, 2 * u + j)
            let innerRow = inner + j * step.gradientStride
            for b in 0..<n {
                let k = j * n + b
                let z = gates[k], r = gates[block + k], hh = gates[2 * block + k]
                let dCandidate = dh[k] * (1 - z) * step.slope(activation, 2 * block + k)
                let dz = dh[k] * (previous[k] - hh) * step.slope(recurrentActivation, k)
                let dr = dCandidate * innerRow[b] * step.slope(recurrentActivation, block + k)
                dzRow[b] = dz; drRow[b] = dr; dhhRow[b] = dCandidate
                dzRecurrent[b] = dz; drRecurrent[b] = dr; dhhRecurrent[b] = dCandidate * r
                step.previousGradient[k] = dh[k] * z
            }
        }
        step.propagateThroughRecurrentKernel(gateRows: 0..<(3 * u), by: recurrent, into: step.previousGradient, beta: 1)
    }

    private func backwardResettingBefore(_ step: RecurrentBackwardStep) {
        let n = step.batchSize, u = units, block = u * n
        let gates = step.gates, dh = step.hGradient, previous = step.previous
        for j in 0..<u {
            let dzRow = step.gradientRow(step.gateGradient, j), dhhRow = step.gradientRow(step.gateGradient, 2 * u + j)
            for b in 0..<n {
                let k = j * n + b
                let z = gates[k], hh = gates[2 * block + k]
                dhhRow[b] = dh[k] * (1 - z) * step.slope(activation, 2 * block + k)
                dzRow[b] = dh[k] * (previous[k] - hh) * step.slope(recurrentActivation, k)
                step.previousGradient[k] = dh[k] * z
            }
        }
        // The gradient of r · h_prev, which the candidate's recurrent product multiplied (h_prev
        // times the candidate's recurrent dropout scales, if any).
        let dResetState = step.workspace
        step.multiplyTransposedRecurrentKernel(gateRows: (2 * u)..<(3 * u), by: step.gateGradient, into: dResetState, beta: 0)
        let scales = step.recurrentScales.map { $0 + 2 * block }
        for j in 0..<u {
            let drRow = step.gradientRow(step.gateGradient, u + j)
            for b in 0..<n {
                let k = j * n + b, scale = scales?[k] ?? 1
                drRow[b] = dResetState[k] * previous[k] * scale * step.slope(recurrentActivation, block + k)
                step.previousGradient[k] += dResetState[k] * gates[block + k] * scale
            }
        }
        step.propagateThroughRecurrentKernel(gateRows: 0..<(2 * u), by: step.gateGradient, into: step.previousGradient, beta: 1)
    }

    /// With `resetAfter`, the default (h_prev times the recurrent gradient); otherwise the z and r
    /// columns from h_prev and the candidate's from r · h_prev.
    func addRecurrentKernelGradient(_ trace: RecurrentTrace, into gradient: UnsafeMutablePointer<Float>) {
        let width = 3 * units
        addRecurrentProducts(trace, of: resetAfter ? trace.recurrentGateGradients! : trace.gateGradients,
                             gates: 0..<(resetAfter ? 3 : 2), into: gradient)
        guard !resetAfter else { return }
        multiplyMatrices(m: units, n: units, k: trace.stride, trace.scratchHistory!, lda: trace.stride, transposingA: false,
                         trace.gateGradients + 2 * units * trace.stride, ldb: trace.stride, transposingB: true,
                         into: gradient + 2 * units, ldc: width, beta: 1)
    }
}
