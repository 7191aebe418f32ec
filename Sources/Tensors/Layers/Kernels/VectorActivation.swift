/// Activations on 16 lanes at once, for the fused gate loops of the recurrent layers.
///
/// The per-element `Foundation.exp`/`tanh` calls would cost more than the GEMMs of an LSTM step,
/// so exp is computed here with the Cephes `expf` polynomial (about 1 ulp), and sigmoid and tanh
/// are built on it. Results agree with the scalar `Activation` to about 1e-7.
typealias FloatVector = SIMD16<Float>

extension Activation {
    /// Applies the function to every lane of `x`.
    @inline(__always)
    func callAsFunction(_ x: FloatVector) -> FloatVector {
        switch self {
        case .linear: return x
        case .tanh: return vectorTanh(x)
        case .sigmoid: return 1 / (1 + vectorExp(-x))
        case .relu: return x.replacing(with: 0, where: x .< 0)
        case .hardSigmoid:
            return (x / 6 + 0.5).clamped(lowerBound: FloatVector(repeating: 0), upperBound: FloatVector(repeating: 1))
        }
    }

    /// Applies the function in place to `count` values starting at `values`.
    func applyVectorized(_ values: UnsafeMutablePointer<Float>, count: Int) {
        if self == .linear { return }
        forEachVectorBlock(count: count) { offset, lanes in
            (values + offset).storeVector(self((values + offset).loadVector(lanes: lanes)), lanes: lanes)
        }
    }
}

/// e^x per lane; inputs are clamped to ±88 so the result stays finite (e^−88 rounds to 0 in sigmoid).
@inline(__always)
func vectorExp(_ x: FloatVector) -> FloatVector {
    let clamped = x.clamped(lowerBound: FloatVector(repeating: -87.3), upperBound: FloatVector(repeating: 88.3))
    let n = (clamped * 1.442_695_04).rounded(.toNearestOrEven)
    // x − n·ln2 in two parts (Cody–Waite) so r keeps full precision.
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p: FloatVector = FloatVector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let expR = p * (r * r) + r + 1
    let exponentBits = (SIMD16<Int32>(n, rounding: .towardZero) &+ 127) &<< 23
    return expR * unsafeBitCast(exponentBits, to: FloatVector.self)
}

/// tanh per lane as 1 − 2 / (e^{2x} + 1), saturating to ±1 beyond |x| = 9 where float32 tanh is ±1.
@inline(__always)
func vectorTanh(_ x: FloatVector) -> FloatVector {
    let bounded = x.clamped(lowerBound: FloatVector(repeating: -9), upperBound: FloatVector(repeating: 9))
    return 1 - 2 / (vectorExp(2 * bounded) + 1)
}

/// Calls `body(offset, lanes)` for consecutive blocks of up to 16 of `count` values: full vectors,
/// then one partial block for the tail.
@inline(__always)
func forEachVectorBlock(count: Int, _ body: (_ offset: Int, _ lanes: Int) -> Void) {
    var offset = 0
    while offset < count {
        let lanes = Swift.min(FloatVector.scalarCount, count - offset)
        body(offset, lanes)
        offset += lanes
    }
}

extension UnsafePointer where Pointee == Float {
    /// The `lanes` (1...16) floats starting here in the first lanes, the other lanes zero.
    @inline(__always)
    func loadVector(lanes: Int) -> FloatVector {
        if lanes == FloatVector.scalarCount {
            return UnsafeRawPointer(self).loadUnaligned(as: FloatVector.self)
        }
        var vector = FloatVector()
        for lane in 0..<lanes { vector[lane] = self[lane] }
        return vector
    }
}

extension UnsafeMutablePointer where Pointee == Float {
    @inline(__always)
    func loadVector(lanes: Int) -> FloatVector { UnsafePointer(self).loadVector(lanes: lanes) }

    /// Writes the first `lanes` (1...16) lanes of `vector` starting here.
    @inline(__always)
    func storeVector(_ vector: FloatVector, lanes: Int) {
        if lanes == FloatVector.scalarCount {
            UnsafeMutableRawPointer(self).storeBytes(of: vector, as: FloatVector.self)
            return
        }
        for lane in 0..<lanes { self[lane] = vector[lane] }
    }
}
