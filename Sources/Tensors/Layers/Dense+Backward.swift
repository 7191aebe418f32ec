internal import CBLAS

extension Dense: WeightsUpdatableInPlace {
    func updateWeight(at index: Int, _ update: (inout [Float]) -> Void) {
        if index == 0 { update(&kernel) } else { update(&bias) }
    }

    /// `output` (= input · kernel + bias, before the activation) recorded on `tape`: its backward pass
    /// adds kernel and bias gradients into the tape (one GEMM over all rows, and the column sums)
    /// and returns the input's gradient, g · kernelᵀ.
    func recordAffine(_ output: Tensor, input: Tensor, on tape: Tape) -> Tensor {
        let features = input.shape[-1], units = units, kernel = kernel
        let x = input.scalars, useBias = useBias
        let node = tape.record("Dense", inputs: [tape.node(of: input)], output: output) { [unowned tape] gradient in
            let g = gradient.scalars, rows = g.count / units
            var kernelGradient = [Float](repeating: 0, count: features * units)
            var inputGradient = [Float](repeating: 0, count: rows * features)
            // dW = xᵀ · g, dx = g · Wᵀ.
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(features), Int32(units), Int32(rows),
                        1, x, Int32(features), g, Int32(units), 0, &kernelGradient, Int32(units))
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(features), Int32(units),
                        1, g, Int32(units), kernel, Int32(units), 0, &inputGradient, Int32(features))
            tape.accumulate(kernelGradient, into: self, weight: 0)
            if useBias {
                var biasGradient = [Float](repeating: 0, count: units)
                for row in 0..<rows {
                    for j in 0..<units { biasGradient[j] += g[row * units + j] }
                }
                tape.accumulate(biasGradient, into: self, weight: 1)
            }
            return [Tensor(shape: input.shape, scalars: inputGradient)]
        }
        return node
    }
}
