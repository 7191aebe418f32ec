import Foundation

/// An activation function with Keras 3's definition, default parameters and name.
///
/// All but `softmax` and `logSoftmax` are elementwise; those two normalise each vector along the
/// last axis, so only `Dense` and `Tensor.applying(_:)` take them (a recurrent layer traps).
/// Layers apply the elementwise ones in place on contiguous buffers inside their step loops;
/// tensor-level functions (`tanh(_:)`, `sigmoid(_:)`, ...) are built on the same code.
public enum Activation: String, Sendable, CaseIterable {
    case linear
    case tanh
    case sigmoid
    case relu
    /// Keras 3: `relu6(x + 3) / 6`, i.e. `clip(x / 6 + 0.5, 0, 1)`.
    case hardSigmoid = "hard_sigmoid"
    /// `x` if `x >= 0`, else `0.2 · x` (Keras 3's default negative slope).
    case leakyRelu = "leaky_relu"
    /// `min(max(x, 0), 6)`.
    case relu6
    /// `x` if `x > 0`, else `exp(x) − 1`.
    case elu
    /// `scale · elu(x, alpha)` with Klambauer et al.'s constants.
    case selu
    /// `max(x, 0) + expm1(min(x, 0))`, alpha 1.
    case celu
    /// Exact GELU, `x · Φ(x) = 0.5 · x · (1 + erf(x / √2))` (Keras's default, `approximate=False`).
    case gelu
    /// `x · sigmoid(x)`; Keras also calls it `swish`.
    case silu
    /// `x · hard_sigmoid(x)`; Keras also calls it `hard_swish`.
    case hardSilu = "hard_silu"
    /// `clip(x, −1, 1)`.
    case hardTanh = "hard_tanh"
    /// `log(1 + exp(x))`.
    case softplus
    /// `x / (1 + |x|)`.
    case softsign
    /// `(x + √(x² + 4)) / 2`, b = 4.
    case squareplus
    /// `x − 0.5` above 0.5, `x + 0.5` below −0.5, else 0.
    case softShrink = "soft_shrink"
    /// `x` where `|x| > 0.5`, else 0.
    case hardShrink = "hard_shrink"
    /// `x − tanh(x)`.
    case tanhShrink = "tanh_shrink"
    /// 0 up to −1, `x` from 1, `(x + 1)² / 4` between.
    case sparsePlus = "sparse_plus"
    /// 0 up to −1, 1 from 1, `(x + 1) / 2` between.
    case sparseSigmoid = "sparse_sigmoid"
    /// `exp(x)`.
    case exponential
    /// `log(sigmoid(x)) = −softplus(−x)`.
    case logSigmoid = "log_sigmoid"
    /// `x · tanh(softplus(x))`.
    case mish
    /// `exp(x) / Σ exp` along the last axis.
    case softmax
    /// `x − log Σ exp(x)` along the last axis.
    case logSoftmax = "log_softmax"

    /// Looks an activation up by its Keras name (`"tanh"`, `"hard_sigmoid"`, `"swish"`, ...).
    public init?(kerasName: String) {
        switch kerasName {
        case "swish": self = .silu
        case "hard_swish": self = .hardSilu
        default: self.init(rawValue: kerasName)
        }
    }

    /// Whether each output depends only on the input at the same position.
    public var isElementwise: Bool { self != .softmax && self != .logSoftmax }

    /// Applies an elementwise activation to one value; traps for `softmax` and `logSoftmax`.
    @inlinable
    public func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .linear: return x
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .relu: return Swift.max(x, 0)
        case .hardSigmoid: return Swift.min(Swift.max(x / 6 + 0.5, 0), 1)
        case .leakyRelu: return x >= 0 ? x : 0.2 * x
        case .relu6: return Swift.min(Swift.max(x, 0), 6)
        case .elu: return x > 0 ? x : Foundation.expm1(x)
        case .selu: return 1.050_700_987_355_480_5 * (x > 0 ? x : 1.673_263_242_354_377_3 * Foundation.expm1(x))
        case .celu: return Swift.max(x, 0) + Foundation.expm1(Swift.min(x, 0))
        case .gelu: return 0.5 * x * (1 + Foundation.erf(x / Float(2).squareRoot()))
        case .silu: return x * Activation.sigmoid(x)
        case .hardSilu: return x * Activation.hardSigmoid(x)
        case .hardTanh: return Swift.min(Swift.max(x, -1), 1)
        case .softplus: return Self.logOnePlusExp(x)
        case .softsign: return x / (1 + Swift.abs(x))
        case .squareplus: return (x + (x * x + 4).squareRoot()) / 2
        case .softShrink: return x > 0.5 ? x - 0.5 : (x < -0.5 ? x + 0.5 : 0)
        case .hardShrink: return Swift.abs(x) > 0.5 ? x : 0
        case .tanhShrink: return x - Foundation.tanh(x)
        case .sparsePlus: return x <= -1 ? 0 : (x < 1 ? (x + 1) * (x + 1) / 4 : x)
        case .sparseSigmoid: return x <= -1 ? 0 : (x >= 1 ? 1 : (x + 1) / 2)
        case .exponential: return Foundation.exp(x)
        case .logSigmoid: return -Self.logOnePlusExp(-x)
        case .mish: return x * Foundation.tanh(Self.logOnePlusExp(x))
        case .softmax, .logSoftmax:
            fatalError("\(rawValue) normalises along an axis and has no value for one number; apply it to a tensor")
        }
    }

    /// Applies an elementwise activation in place to every value of `buffer`.
    @inlinable
    public func apply(_ buffer: UnsafeMutableBufferPointer<Float>) {
        switch self {
        case .linear: return
        default:
            for i in buffer.indices { buffer[i] = self(buffer[i]) }
        }
    }

    /// `log(1 + exp(x))` without overflow: `max(x, 0) + log1p(exp(−|x|))`, as TensorFlow computes it.
    @usableFromInline
    static func logOnePlusExp(_ x: Float) -> Float {
        Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
    }
}
