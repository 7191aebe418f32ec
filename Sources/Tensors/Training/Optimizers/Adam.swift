import Foundation
internal import CKernels

/// Adam (Kingma and Ba, 2014); Keras's `Adam` (defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999,
/// ε 1e-7).
///
/// m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); p −= lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε), with
/// ε added to the uncorrected √v, as Keras does. For an embedding's sparse rows, m takes the summed
/// rows but v the sum of each occurrence's square, and the step is dense: rows absent from a batch
/// keep moving while their moments are non-zero, as in Keras.
public class Adam: Optimizer {
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float

    public convenience init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7,
                            clipnorm: Float? = nil, clipvalue: Float? = nil, globalClipnorm: Float? = nil) {
        self.init(name: "adam", learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                  clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    init(name: String, learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
         clipnorm: Float?, clipvalue: Float?, globalClipnorm: Float?) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(name: name, learningRate: learningRate, clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    override var slotNames: [String] { ["momentum", "velocity"] }

    override func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {
        let t = Float(step)
        let alpha = learningRate * (1 - Foundation.pow(beta2, t)).squareRoot() / (1 - Foundation.pow(beta1, t))
        let g = gradient.values
        var m = slots[0], v = slots[1]
        slots = []  // m and v are the only references, so they update in place
        let count = parameter.count, beta1 = beta1, beta2 = beta2, epsilon = epsilon
        parameter.withUnsafeMutableBufferPointer { p in m.withUnsafeMutableBufferPointer { m in v.withUnsafeMutableBufferPointer { v in
            g.withUnsafeBufferPointer { g in
                let (p, m, v, g) = (p.baseAddress!, m.baseAddress!, v.baseAddress!, g.baseAddress!)
                if let sparse = gradient.slices {
                    // An embedding table: only the looked-up rows read a gradient.
                    let width = sparse.width, rows = count / width
                    let (rowSlots, squaredRows) = sparse.squaredRowSums(tableRows: rows)
                    rowSlots.withUnsafeBufferPointer { rowSlots in squaredRows.withUnsafeBufferPointer { squaredRows in
                        let (rowSlots, squaredRows) = (rowSlots.baseAddress!, squaredRows.baseAddress!)
                        TableParts.forEach(rows: rows, values: rows * width) { slice in
                            let start = slice.lowerBound * width
                            folio_adam_update_rows(p + start, m + start, v + start, g + start, rowSlots + slice.lowerBound,
                                                   squaredRows, slice.count, width, alpha, beta1, beta2, epsilon)
                        }
                    } }
                } else {
                    TableParts.forEach(rows: count, values: count) { slice in
                        let start = slice.lowerBound
                        folio_adam_update(p + start, m + start, v + start, g + start, slice.count, alpha, beta1, beta2, epsilon)
                    }
                }
            }
        } } }
        slots = [m, v]
    }
}

/// Adam with decoupled weight decay (Loshchilov and Hutter, 2017); Keras's `AdamW` (defaults:
/// learning rate 0.001, weight decay 0.004, β₁ 0.9, β₂ 0.999, ε 1e-7).
///
/// Before each Adam step, p −= p · weightDecay · lr.
public final class AdamW: Adam {
    public let weightDecay: Float

    public init(learningRate: Float = 0.001, weightDecay: Float = 0.004, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-7, clipnorm: Float? = nil, clipvalue: Float? = nil, globalClipnorm: Float? = nil) {
        self.weightDecay = weightDecay
        super.init(name: "adamw", learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                   clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm)
    }

    override func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {
        let decay = weightDecay * learningRate
        for i in parameter.indices { parameter[i] -= parameter[i] * decay }
        super.update(&parameter, gradient: gradient, slots: &slots, step: step)
    }
}
