import Foundation

/// Uniform and normal float32 draws with a portable definition, so that a seed gives the same
/// values on every machine.
extension RandomNumberGenerator {
    /// A float uniform in [0, 1) built from the top 24 bits of one 64-bit draw (every value exact in float32).
    mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// `count` floats uniform in [lower, upper).
    mutating func uniformFloats(count: Int, lower: Float, upper: Float) -> [Float] {
        (0..<count).map { _ in lower + (upper - lower) * nextUnitFloat() }
    }

    /// `count` dropout scales: each 0 with probability `rate`, else 1 / (1 − rate), so that multiplying by them
    /// keeps the expected value; Keras's `dropout` of a tensor of ones.
    mutating func dropoutScales(count: Int, rate: Float) -> [Float] {
        let scale = 1 / (1 - rate)
        return (0..<count).map { _ in nextUnitFloat() >= rate ? scale : 0 }
    }

    /// `count` normally distributed floats by the Box-Muller transform.
    ///
    /// Each pair of 53-bit uniform draws gives two normals; the arithmetic is done in Double and rounded
    /// once to Float, so libm's last-bit differences between platforms do not reach the float32 result
    /// in practice.
    mutating func normalFloats(count: Int, mean: Float, standardDeviation: Float) -> [Float] {
        var values: [Float] = []
        values.reserveCapacity(count)
        while values.count < count {
            // (0, 1]: never zero, so the logarithm is finite.
            let u1 = Double((next() >> 11) + 1) * 0x1p-53
            let u2 = Double(next() >> 11) * 0x1p-53
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            values.append(Float(Double(mean) + Double(standardDeviation) * radius * Foundation.cos(angle)))
            if values.count < count {
                values.append(Float(Double(mean) + Double(standardDeviation) * radius * Foundation.sin(angle)))
            }
        }
        return values
    }
}
