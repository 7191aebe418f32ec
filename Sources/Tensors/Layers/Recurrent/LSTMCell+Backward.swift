internal import CKernels

extension LSTMCell {
    /// From dh and dc after the step: dc += dh · o · act′(c); the gates' gradients di = dc · g,
    /// df = dc · c_prev, dg = dc · i, do = dh · act(c), each through its activation; dc_prev = dc · f;
    /// dh_prev = Uᵀ · dz.
    func backwardStep(_ step: RecurrentBackwardStep) {
        let n = step.batchSize, u = units, block = u * n
        let gates = step.gates, dh = step.hGradient
        let cPrevious = step.previous + block, c = step.next + block
        let dcNext = step.stateGradient + block, dcPrevious = step.previousGradient + block
        if let kind = activation.kernelKind, let recurrentKind = recurrentActivation.kernelKind {
            // The fused C loop, whose tanh is the forward pass's.
            folio_lstm_backward(gates, cPrevious, c, dh, dcNext, step.gateGradient, step.gradientStride, dcPrevious,
                                u, n, kind, recurrentKind)
        } else {
            backwardGates(step)
        }
        step.propagateThroughRecurrentKernel(gateRows: 0..<(4 * u), by: step.gateGradient, into: step.previousGradient, beta: 0)
    }

    /// The gates' gradients one value at a time, for activations the C kernels lack.
    private func backwardGates(_ step: RecurrentBackwardStep) {
        let n = step.batchSize, u = units, block = u * n
        let gates = step.gates, dh = step.hGradient
        let cPrevious = step.previous + block, c = step.next + block
        let dcNext = step.stateGradient + block, dcPrevious = step.previousGradient + block
        for j in 0..<u {
            let dInput = step.gradientRow(step.gateGradient, j), dForget = step.gradientRow(step.gateGradient, u + j)
            let dCandidate = step.gradientRow(step.gateGradient, 2 * u + j), dOutput = step.gradientRow(step.gateGradient, 3 * u + j)
            for b in 0..<n {
                let k = j * n + b
                let a = activation(c[k])
                let cSlope = activation.derivesFromOutput ? activation.derivativeFromOutput(a) : activation.derivative(c[k], output: a)
                let dc = dcNext[k] + dh[k] * gates[3 * block + k] * cSlope
                dOutput[b] = dh[k] * a * step.slope(recurrentActivation, 3 * block + k)
                dInput[b] = dc * gates[2 * block + k] * step.slope(recurrentActivation, k)
                dForget[b] = dc * cPrevious[k] * step.slope(recurrentActivation, block + k)
                dCandidate[b] = dc * gates[k] * step.slope(activation, 2 * block + k)
                dcPrevious[k] = dc * gates[block + k]
            }
        }
    }
}
