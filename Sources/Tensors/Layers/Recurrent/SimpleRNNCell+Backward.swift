internal import CKernels

extension SimpleRNNCell {
    /// dz = dh · act′; dh_prev = Uᵀ · dz.
    func backwardStep(_ step: RecurrentBackwardStep) {
        let n = step.batchSize, dh = step.hGradient
        if let kind = activation.kernelKind {
            folio_activation_backward(step.gates, dh, step.gateGradient, step.gradientStride, units, n, kind)
        } else {
            for j in 0..<units {
                let row = step.gradientRow(step.gateGradient, j)
                for b in 0..<n { row[b] = dh[j * n + b] * step.slope(activation, j * n + b) }
            }
        }
        step.propagateThroughRecurrentKernel(gateRows: 0..<units, by: step.gateGradient, into: step.previousGradient, beta: 0)
    }
}
