import Foundation

/// Elementwise math functions (float32 results), each differentiable with TensorFlow's gradient.

/// `e` raised to every value.
public func exp(_ x: Tensor) -> Tensor {
    let y = x.mappingScalars { values in
        for i in values.indices { values[i] = Foundation.exp(values[i]) }
    }
    return y.recorded("exp", inputs: [x]) { gradient in [gradient.combiningScalars(with: y) { $0 * $1 }] }
}

/// The natural logarithm of every value (`-inf` at 0, `nan` below).
public func log(_ x: Tensor) -> Tensor {
    x.mappingScalars { values in
        for i in values.indices { values[i] = Foundation.log(values[i]) }
    }.recorded("log", inputs: [x]) { gradient in [gradient.combiningScalars(with: x) { $0 / $1 }] }
}

/// The square root of every value.
public func sqrt(_ x: Tensor) -> Tensor {
    let y = x.mappingScalars { values in
        for i in values.indices { values[i] = values[i].squareRoot() }
    }
    return y.recorded("sqrt", inputs: [x]) { gradient in [gradient.combiningScalars(with: y) { $0 * 0.5 / $1 }] }
}

/// Every value raised to `exponent`.
public func pow(_ x: Tensor, _ exponent: Float) -> Tensor {
    x.mappingScalars { values in
        for i in values.indices { values[i] = Foundation.pow(values[i], exponent) }
    }.recorded("pow", inputs: [x]) { gradient in
        [gradient.combiningScalars(with: x) { $0 * exponent * Foundation.pow($1, exponent - 1) }]
    }
}

/// The absolute value of every value; its gradient is the sign (0 at 0).
public func abs(_ x: Tensor) -> Tensor {
    x.mappingScalars { values in
        for i in values.indices { values[i] = Swift.abs(values[i]) }
    }.recorded("abs", inputs: [x]) { gradient in
        [gradient.combiningScalars(with: x) { g, x in x > 0 ? g : (x < 0 ? -g : 0) }]
    }
}

/// Every value limited to `min...max` (Keras's `ops.clip`). The gradient passes where the value
/// lies within the bounds, the bounds included, and is 0 where it was clipped.
public func clip(_ x: Tensor, min: Float, max: Float) -> Tensor {
    x.mappingScalars { values in
        for i in values.indices { values[i] = Swift.min(Swift.max(values[i], min), max) }
    }.recorded("clip", inputs: [x]) { gradient in
        [gradient.combiningScalars(with: x) { g, x in x < min || x > max ? 0 : g }]
    }
}

extension Tensor {
    /// `operation` of each value and the value at the same position of `other` (same shape), off the tape.
    func combiningScalars(with other: Tensor, _ operation: (Float, Float) -> Float) -> Tensor {
        let values = other.scalars
        return mappingScalars { buffer in
            for i in buffer.indices { buffer[i] = operation(buffer[i], values[i]) }
        }
    }
}
