/// A fully connected layer, `activation(x · kernel + bias)` on the last axis; Keras's `Dense`.
///
/// Input (..., features) gives output (..., units). The kernel is drawn from `GlorotUniform`, the
/// bias starts at zero. A mask on the input passes through unchanged, as in Keras.
public final class Dense: Layer {
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    public let name: String

    /// The number of input features, fixed by the first call (or by `setWeights`).
    public private(set) var inputDim: Int?
    /// (inputDim, units) and (units,) row-major.
    var kernel: [Float] = []
    var bias: [Float] = []

    public init(units: Int, activation: Activation = .linear, useBias: Bool = true, name: String? = nil) {
        require(units > 0, "Dense: units must be positive, got \(units)")
        self.name = name ?? LayerName.unique(for: "Dense")
        self.units = units
        self.activation = activation
        self.useBias = useBias
    }

    public var description: String { "Dense(units: \(units))" }

    private func weightSpecs(inputDim: Int) -> [WeightSpec] {
        let kernel = WeightSpec(name: "kernel", shape: [inputDim, units])
        return useBias ? [kernel, WeightSpec(name: "bias", shape: [units])] : [kernel]
    }

    public var weightNames: [String] { inputDim.map { weightSpecs(inputDim: $0).map(\.name) } ?? [] }

    public var weights: [Tensor] {
        guard let inputDim else { return [] }
        let kernelTensor = Tensor(shape: [inputDim, units], scalars: kernel)
        return useBias ? [kernelTensor, Tensor(shape: [units], scalars: bias)] : [kernelTensor]
    }

    public func setWeights(_ weights: [Tensor]) throws {
        // Before the first call the kernel's shape tells the input size, as building would.
        let dim = inputDim ?? weights.first.map { $0.shape.rank == 2 ? $0.shape[0] : 0 } ?? 0
        try weightSpecs(inputDim: dim).validate(weights, for: description)
        inputDim = dim
        kernel = weights[0].scalars
        bias = useBias ? weights[1].scalars : []
    }

    /// Draws the weights for inputs with `inputDim` features (kernel, then bias).
    public func build(inputDim: Int) {
        guard self.inputDim == nil else { return }
        self.inputDim = inputDim
        kernel = GlorotUniform()([inputDim, units]).scalars
        bias = useBias ? Zeros()([units]).scalars : []
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        trapOnError { try validateInput(input.shape) }
        build(inputDim: input.shape[-1])
        let outputShape = TensorShape(input.shape.dimensions.dropLast() + [units])
        var output = affine(input)
        let tape = Tape.current
        guard tape != nil || activation == .sigmoid || activation == .softmax else {
            activate(&output)
            return Tensor(shape: outputShape, scalars: output).withMask(input.mask)
        }
        // Keras's sigmoid and softmax outputs keep their logits, and training needs them: the affine
        // map and the activation become two tensors, the first recorded with its backward pass.
        var logits = Tensor(shape: outputShape, scalars: output)
        if let tape { logits = recordAffine(logits, input: input, on: tape) }
        activate(&output)
        return Tensor(shape: outputShape, scalars: output).recordedActivation(activation, input: logits).withMask(input.mask)
    }

    /// x · kernel + bias over the last axis of `input`, row-major (rows, units).
    private func affine(_ input: Tensor) -> [Float] {
        let rows = input.scalarCount / input.shape[-1]
        let features = input.shape[-1]
        var output = [Float](repeating: 0, count: rows * units)
        input.scalars.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { w in
                output.withUnsafeMutableBufferPointer { y in
                    if useBias {
                        for row in 0..<rows { (y.baseAddress! + row * units).update(from: bias, count: units) }
                    }
                    multiplyMatrices(m: rows, n: units, k: features, x.baseAddress!, lda: features,
                                     w.baseAddress!, ldb: units, into: y.baseAddress!, ldc: units, beta: useBias ? 1 : 0)
                }
            }
        }
        return output
    }

    /// Applies the activation in place to rows of `units` values.
    private func activate(_ values: inout [Float]) {
        let units = units
        values.withUnsafeMutableBufferPointer { y in
            if activation.isElementwise {
                activation.applyFast(y.baseAddress!, count: y.count)
            } else {
                activation.normalizeRows(y.baseAddress!, rows: y.count / units, length: units)
            }
        }
    }

    /// Checks that `shape` has a feature axis matching the built kernel.
    func validateInput(_ shape: TensorShape) throws {
        guard shape.rank >= 2 else {
            throw LayerError("\(description) expects input of shape (batch, ..., features), got shape \(shape) of rank \(shape.rank)")
        }
        if let inputDim, shape[-1] != inputDim {
            throw LayerError("\(description) was built for \(inputDim) input features, got input of shape \(shape)")
        }
    }
}
