/// Activations applied in place to whole buffers, for the layers' inner loops.
///
/// Per-element `Foundation.exp`/`tanh` calls would cost more than the GEMMs of an LSTM step. Here
/// exp is the Cephes `expf` polynomial (about 1 ulp) written without calls or branches, so each
/// loop below is vectorized by the compiler; sigmoid and tanh are built on it and agree with the
/// scalar `Activation` to about 1e-7. The switch sits outside the loops so every loop is plain.
extension Activation {
    /// Applies the function in place to the `count` values starting at `values`.
    func applyFast(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .linear: return
        case .tanh: for i in 0..<count { values[i] = fastTanh(values[i]) }
        case .sigmoid: for i in 0..<count { values[i] = fastSigmoid(values[i]) }
        case .relu: for i in 0..<count { values[i] = Swift.max(values[i], 0) }
        case .hardSigmoid: for i in 0..<count { values[i] = Swift.min(Swift.max(values[i] / 6 + 0.5, 0), 1) }
        }
    }
}

/// e^x; inputs are clamped to [−87.3, 88.3] so the result stays a normal, finite float.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    let clamped = Swift.min(Swift.max(x, -87.3), 88.3)
    // Round x·log2(e) to an integer n by adding 1.5·2²³: the sum's low mantissa bits then hold n.
    let shifted = clamped * 1.442_695_04 + 12_582_912
    let n = shifted - 12_582_912
    // x − n·ln2 in two parts (Cody–Waite) so r keeps full precision.
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let expR = p * (r * r) + r + 1
    // 2ⁿ: n + 127 in the exponent field; the shift drops the magic constant's high bits.
    return expR * Float(bitPattern: (shifted.bitPattern &+ 127) &<< 23)
}

@inline(__always)
func fastSigmoid(_ x: Float) -> Float {
    1 / (1 + fastExp(-x))
}

/// tanh as 1 − 2 / (e^{2x} + 1), saturating beyond |x| = 9 where float32 tanh is ±1.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    1 - 2 / (fastExp(2 * Swift.min(Swift.max(x, -9), 9)) + 1)
}
