import Foundation

/// An elementwise activation function with Keras 3's definition and name.
///
/// Layers apply these in place on contiguous buffers inside their step loops;
/// tensor-level functions (`tanh(_:)`, `sigmoid(_:)`, ...) are built on the same code.
public enum Activation: String, Sendable, CaseIterable {
    case linear
    case tanh
    case sigmoid
    case relu
    /// Keras 3: `relu6(x + 3) / 6`, i.e. `clip(x / 6 + 0.5, 0, 1)`.
    case hardSigmoid = "hard_sigmoid"

    /// Looks an activation up by its Keras name (`"tanh"`, `"hard_sigmoid"`, ...).
    public init?(kerasName: String) {
        self.init(rawValue: kerasName)
    }

    /// Applies the function to one value.
    @inlinable
    public func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .linear: return x
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .relu: return Swift.max(x, 0)
        case .hardSigmoid: return Swift.min(Swift.max(x / 6 + 0.5, 0), 1)
        }
    }

    /// Applies the function in place to every value of `buffer`.
    @inlinable
    public func apply(_ buffer: UnsafeMutableBufferPointer<Float>) {
        switch self {
        case .linear: return
        default:
            for i in buffer.indices { buffer[i] = self(buffer[i]) }
        }
    }
}
