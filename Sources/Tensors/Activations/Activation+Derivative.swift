import Foundation

extension Activation {
    /// The derivative at input `x` whose output is `y`, as TensorFlow's gradient of Keras's definition
    /// computes it (at a kink, the side TensorFlow takes: relu'(0) = 0, clip's bounds pass).
    /// Traps for `softmax` and `logSoftmax`, which `backpropagateRows` handles.
    func derivative(_ x: Float, output y: Float) -> Float {
        switch self {
        case .linear: return 1
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .relu: return x > 0 ? 1 : 0
        case .hardSigmoid: return x > -3 && x < 3 ? 1 / 6 : 0
        case .leakyRelu: return x > 0 ? 1 : 0.2
        case .relu6: return x > 0 && x < 6 ? 1 : 0
        case .elu: return y < 0 ? y + 1 : 1
        case .selu: return y < 0 ? y + 1.050_700_987_355_480_5 * 1.673_263_242_354_377_3 : 1.050_700_987_355_480_5
        case .celu: return (x >= 0 ? 1 : 0) + (x <= 0 ? Foundation.exp(x) : 0)
        case .gelu:
            let cdf = 0.5 * (1 + Foundation.erf(x / Float(2).squareRoot()))
            return cdf + x * Foundation.exp(-0.5 * x * x) / Float(2 * Double.pi).squareRoot()
        case .silu:
            let s = Activation.sigmoid(x)
            return s * (1 + x * (1 - s))
        case .hardSilu:
            return Activation.hardSigmoid(x) + x * Activation.hardSigmoid.derivative(x, output: 0)
        case .hardTanh: return x < -1 || x > 1 ? 0 : 1
        case .softplus: return Activation.sigmoid(x)
        case .softsign:
            let d = 1 + Swift.abs(x)
            return 1 / (d * d)
        case .squareplus: return (1 + x / (x * x + 4).squareRoot()) / 2
        case .softShrink, .hardShrink: return Swift.abs(x) > 0.5 ? 1 : 0
        case .tanhShrink:
            let t = Foundation.tanh(x)
            return t * t
        case .sparsePlus: return x <= -1 ? 0 : (x < 1 ? (x + 1) / 2 : 1)
        case .sparseSigmoid: return x <= -1 || x >= 1 ? 0 : 0.5
        case .exponential: return y
        case .logSigmoid: return Activation.sigmoid(-x)
        case .mish:
            let t = Foundation.tanh(Activation.logOnePlusExp(x))
            return t + x * (1 - t * t) * Activation.sigmoid(x)
        case .softmax, .logSoftmax:
            fatalError("\(rawValue) normalises along an axis; its gradient is taken row by row")
        }
    }

    /// The gradient of the inputs of `softmax` or `logSoftmax` from the outputs' `gradient`, in place,
    /// for `rows` row-major vectors of `length` values whose outputs are `outputs`.
    func backpropagateRows(_ gradient: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, rows: Int, length: Int) {
        precondition(!isElementwise, "backpropagateRows is for softmax and logSoftmax, not \(rawValue)")
        for row in 0..<rows {
            let g = gradient + row * length, y = outputs + row * length
            if self == .softmax {
                // dz = y · (g − Σ g·y)
                var dot: Float = 0
                for i in 0..<length { dot += g[i] * y[i] }
                for i in 0..<length { g[i] = y[i] * (g[i] - dot) }
            } else {
                // dz = g − softmax · Σ g, softmax = exp(log_softmax)
                var total: Float = 0
                for i in 0..<length { total += g[i] }
                for i in 0..<length { g[i] -= Foundation.exp(y[i]) * total }
            }
        }
    }

    /// The gradient of the inputs `x` from the outputs' `gradient`, in place, for an activation over
    /// `count` values (rows of `length` for softmax and logSoftmax) with outputs `y`.
    func backpropagate(_ gradient: UnsafeMutablePointer<Float>, inputs x: UnsafePointer<Float>, outputs y: UnsafePointer<Float>,
                       count: Int, length: Int) {
        switch self {
        case .linear: return
        case .softmax, .logSoftmax:
            backpropagateRows(gradient, outputs: y, rows: count / Swift.max(length, 1), length: length)
        default:
            for i in 0..<count { gradient[i] *= derivative(x[i], output: y[i]) }
        }
    }
}
