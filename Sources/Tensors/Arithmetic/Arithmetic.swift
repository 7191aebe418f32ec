import Foundation

/// Elementwise arithmetic with numpy broadcasting. The result is always float32:
/// integer operands are converted first (so `Tensor([1, 2]) / 2` is `[0.5 1. ]`).
extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { combining(lhs, rhs, name: "+", +) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { combining(lhs, rhs, name: "-", -) }
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { combining(lhs, rhs, name: "*", *) }
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { combining(lhs, rhs, name: "/", /) }

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
        }
    }
}

/// `e` raised to every value.
public func exp(_ x: Tensor) -> Tensor {
    x.mappingScalars { values in
        for i in values.indices { values[i] = Foundation.exp(values[i]) }
    }
}
