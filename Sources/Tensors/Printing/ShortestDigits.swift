/// The shortest decimal digits that round-trip a finite float32, as `d.ddd × 10^exponent`.
///
/// numpy prints float32 values from these digits (its Dragon4 "unique" mode);
/// Swift's `Float.description` produces the same digits, so we take them from there
/// and leave the layout to numpy's rules.
struct ShortestDigits {
    /// Whether the value's sign bit is set (true for `-0.0`).
    var isNegative: Bool
    /// Significant digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten of the first digit.
    var exponent: Int

    init(_ value: Float) {
        precondition(value.isFinite, "ShortestDigits needs a finite value, got \(value)")
        isNegative = value.sign == .minus
        // Float.description is "1.5", "100.0", "1e-05" or "1.2345679e+08" (after an optional "-").
        let parts = value.magnitude.description.split(separator: "e")
        var mantissa: [UInt8] = []
        var pointPosition: Int?
        for byte in parts[0].utf8 {
            if byte == UInt8(ascii: ".") {
                pointPosition = mantissa.count
            } else {
                mantissa.append(byte - UInt8(ascii: "0"))
            }
        }
        let writtenExponent = parts.count > 1 ? Int(parts[1])! : 0
        var exponent = (pointPosition ?? mantissa.count) - 1 + writtenExponent
        while let first = mantissa.first, first == 0 {
            mantissa.removeFirst()
            exponent -= 1
        }
        while let last = mantissa.last, last == 0 { mantissa.removeLast() }
        self.digits = mantissa
        self.exponent = mantissa.isEmpty ? 0 : exponent
    }

    /// How many digits follow the decimal point when the value is written positionally.
    var fractionDigitCount: Int { max(0, digits.count - exponent - 1) }

    /// The digits before the point of the positional form, without sign ("0" below one).
    var integerPart: String {
        guard exponent >= 0 else { return "0" }
        return (0...exponent).map { digitCharacter(at: $0) }.joined()
    }

    /// The digits after the point of the positional form ("" for a whole number).
    var fractionPart: String {
        guard fractionDigitCount > 0 else { return "" }
        return ((exponent + 1)..<digits.count).map { digitCharacter(at: $0) }.joined()
    }

    /// The digit at `position` (0 is the first significant digit), zero beyond the stored ones.
    private func digitCharacter(at position: Int) -> String {
        digits.indices.contains(position) ? String(digits[position]) : "0"
    }
}
