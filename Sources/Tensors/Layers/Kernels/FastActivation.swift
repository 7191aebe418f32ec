internal import CKernels

/// Elementwise activations applied in place to whole buffers, for the layers' inner loops.
///
/// Per-element `Foundation.exp`/`tanh` calls would cost more than the GEMMs of an LSTM step. The
/// activations recurrent layers use by default, and relu and linear, run in C (`Sources/CKernels`),
/// cloned for AVX-512, AVX2 and baseline x86-64 with identical results: exp is the Cephes `expf`
/// polynomial (about 1 ulp) without calls or branches, and sigmoid and tanh built on it agree with
/// the scalar `Activation` to about 1e-7. The other Keras activations run the scalar definition.
extension Activation {
    /// Applies the function in place to the `count` values starting at `values`.
    func applyFast(_ values: UnsafeMutablePointer<Float>, count: Int) {
        if let kernelKind {
            folio_activate(kernelKind, values, count)
        } else {
            apply(UnsafeMutableBufferPointer(start: values, count: count))
        }
    }

    /// Whether the derivative follows from the output alone (`derivativeFromOutput`), so the
    /// recurrent layers' backward pass needs no pre-activations: the activations the C kernels have.
    var derivesFromOutput: Bool { kernelKind != nil }

    /// The derivative at the input whose output is `y`, for an activation that `derivesFromOutput`.
    @inline(__always)
    func derivativeFromOutput(_ y: Float) -> Float {
        switch self {
        case .linear: return 1
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .relu: return y > 0 ? 1 : 0
        case .hardSigmoid: return y > 0 && y < 1 ? 1 / 6 : 0
        default: fatalError("\(rawValue): the derivative needs the input")
        }
    }

    /// The activation as the C kernels name it, or nil when they do not have it.
    var kernelKind: folio_activation? {
        switch self {
        case .linear: FOLIO_LINEAR
        case .tanh: FOLIO_TANH
        case .sigmoid: FOLIO_SIGMOID
        case .relu: FOLIO_RELU
        case .hardSigmoid: FOLIO_HARD_SIGMOID
        default: nil
        }
    }
}
