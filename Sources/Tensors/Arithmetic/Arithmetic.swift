import Foundation

/// Elementwise arithmetic with numpy broadcasting. The result is always float32:
/// integer operands are converted first (so `Tensor([1, 2]) / 2` is `[0.5 1. ]`).
/// Each operator is differentiable: an operand's gradient is summed over the axes it was broadcast along.
extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        combining(lhs, rhs, name: "+", +).recorded("+", inputs: [lhs, rhs]) { gradient in
            [gradient.unbroadcast(to: lhs.shape), gradient.unbroadcast(to: rhs.shape)]
        }
    }

    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        combining(lhs, rhs, name: "-", -).recorded("-", inputs: [lhs, rhs]) { gradient in
            [gradient.unbroadcast(to: lhs.shape), (-gradient).unbroadcast(to: rhs.shape)]
        }
    }

    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        combining(lhs, rhs, name: "*", *).recorded("*", inputs: [lhs, rhs]) { gradient in
            [combining(gradient, rhs, name: "*", *).unbroadcast(to: lhs.shape),
             combining(gradient, lhs, name: "*", *).unbroadcast(to: rhs.shape)]
        }
    }

    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        combining(lhs, rhs, name: "/", /).recorded("/", inputs: [lhs, rhs]) { gradient in
            // TensorFlow's RealDiv gradient: g / y and g · ((−x / y) / y).
            [combining(gradient, rhs, name: "/", /).unbroadcast(to: lhs.shape),
             combining(gradient, combining(combining(-lhs, rhs, name: "/", /), rhs, name: "/", /), name: "*", *)
                .unbroadcast(to: rhs.shape)]
        }
    }

    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(rhs) }
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs - Tensor(rhs) }
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(rhs) }
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs / Tensor(rhs) }

    public static func + (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    public static prefix func - (operand: Tensor) -> Tensor {
        operand.mappingScalars { values in
            for i in values.indices { values[i] = -values[i] }
        }.recorded("negation", inputs: [operand]) { gradient in [-gradient] }
    }

    /// A gradient of this tensor's broadcast shape summed down to `shape`, the shape of the operand
    /// that was broadcast: over the leading axes it lacked and the axes where it had 1.
    func unbroadcast(to shape: TensorShape) -> Tensor {
        guard self.shape != shape else { return self }
        let leading = rank - shape.rank
        let axes = (0..<rank).filter { $0 < leading || shape.dimensions[$0 - leading] == 1 }
        return sum(alongAxes: axes, keepingDimensions: true).reshaped(to: shape)
    }
}
