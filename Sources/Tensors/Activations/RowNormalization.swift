import Foundation

extension Activation {
    /// Applies `softmax` or `logSoftmax` in place to each of `rows` row-major vectors of `length`
    /// values (Keras's axis −1); the row's maximum is subtracted first so large scores cannot overflow.
    func normalizeRows(_ values: UnsafeMutablePointer<Float>, rows: Int, length: Int) {
        precondition(!isElementwise, "normalizeRows is for softmax and logSoftmax, not \(rawValue)")
        for row in 0..<rows {
            let vector = UnsafeMutableBufferPointer(start: values + row * length, count: length)
            guard let maximum = vector.max() else { continue }
            var sum: Float = 0
            for i in vector.indices { sum += Foundation.exp(vector[i] - maximum) }
            if self == .softmax {
                for i in vector.indices { vector[i] = Foundation.exp(vector[i] - maximum) / sum }
            } else {
                let logSum = Foundation.log(sum)
                for i in vector.indices { vector[i] = vector[i] - maximum - logSum }
            }
        }
    }
}
