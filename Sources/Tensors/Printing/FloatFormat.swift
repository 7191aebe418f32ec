import Foundation

/// How numpy's `str` writes the float32 values of one array: numpy's `FloatingFormat`
/// with its defaults (precision 8, `floatmode='maxprec'`, no small-value suppression).
///
/// The format is chosen from all values shown: scientific notation when the largest
/// magnitude is at least 1e6 (float32's cutoff), the smallest non-zero one is below 1e-4,
/// or their ratio exceeds 1e3; otherwise positional with at most 8 fraction digits.
/// Every value is then padded to a common width so the columns line up.
struct FloatFormat {
    static let precision = 8

    private enum Notation {
        case positional
        /// Every mantissa gets exactly `fractionDigits` digits after the point.
        case scientific(fractionDigits: Int)
    }

    private let notation: Notation
    /// The width of the part before the decimal point, sign included.
    private let padLeft: Int
    /// The width of the part after the decimal point (for scientific notation, mantissa
    /// digits, "e", sign and exponent).
    private let padRight: Int

    /// The format for an array whose shown values are `values`.
    init(values: [Float]) {
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.lazy.filter { $0 != 0 }.map(\.magnitude)
        var isScientific = false
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            // numpy compares in float32 (its Python-float constants are "weak"), so do we.
            isScientific = largest >= 1e6 || smallest < 0.0001 || largest / smallest > 1000
        }
        var padLeft = 0
        var padRight = 0
        if isScientific {
            let digits = finite.map(ShortestDigits.init)
            let fractionDigits = digits.map { max(0, $0.digits.count - 1) }.max() ?? 0
            notation = .scientific(fractionDigits: fractionDigits)
            padLeft = digits.map { $0.isNegative ? 2 : 1 }.max() ?? 0
            padRight = finite.isEmpty ? 0 : fractionDigits + 4  // "e+05"
        } else {
            notation = .positional
            for value in finite {
                let (integerPart, fractionPart) = Self.positionalParts(value)
                padLeft = max(padLeft, integerPart.utf8.count)
                padRight = max(padRight, fractionPart.utf8.count)
            }
        }
        if finite.count != values.count {
            // Widen the integer part so "nan", "inf" and "-inf" fit in the common width.
            let hasNegativeInfinity = values.contains { $0 == -.infinity }
            let pointAndFraction = padRight + 1
            padLeft = max(padLeft, 3 - pointAndFraction, (hasNegativeInfinity ? 4 : 3) - pointAndFraction)
        }
        self.padLeft = padLeft
        self.padRight = padRight
    }

    /// One value, padded to the array's common width.
    func callAsFunction(_ value: Float) -> String {
        guard value.isFinite else {
            let text = Self.nonFiniteText(value)
            return padded(text, toWidth: padLeft + padRight + 1)
        }
        switch notation {
        case .positional:
            let (integerPart, fractionPart) = Self.positionalParts(value)
            return padded(integerPart, toWidth: padLeft) + "." + fractionPart
                + String(repeating: " ", count: padRight - fractionPart.utf8.count)
        case .scientific(let fractionDigits):
            let (integerPart, fractionPart, exponent) = Self.scientificParts(value, fractionDigits: fractionDigits)
            return padded(integerPart, toWidth: padLeft) + "." + fractionPart + exponent
        }
    }

    /// A float32 the way numpy's `str` writes a 0-d array or scalar: the shortest
    /// round-trip digits, positional from 1e-4 up to 1e6 (`100.0`), scientific
    /// outside that range (`1e+16`, `1.5e-05`).
    static func scalar(_ value: Float) -> String {
        guard value.isFinite else { return nonFiniteText(value) }
        let magnitude = Double(value.magnitude)
        if value == 0 || (magnitude >= 1e-4 && magnitude < 1e6) {
            let digits = ShortestDigits(value)
            let fraction = digits.fractionPart
            return (digits.isNegative ? "-" : "") + digits.integerPart + "." + (fraction.isEmpty ? "0" : fraction)
        }
        let (integerPart, fractionPart, exponent) = scientificParts(value)
        return integerPart + (fractionPart.isEmpty ? "" : "." + fractionPart) + exponent
    }

    private static func nonFiniteText(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        return value < 0 ? "-inf" : "inf"
    }

    /// The signed integer digits and the fraction digits of `value` with at most
    /// `precision` fraction digits: the shortest round-trip digits when they fit, else the
    /// exact binary value rounded half-to-even (what numpy's Dragon4 does at its cutoff).
    private static func positionalParts(_ value: Float) -> (integerPart: String, fractionPart: String) {
        let digits = ShortestDigits(value)
        let sign = digits.isNegative ? "-" : ""
        if digits.fractionDigitCount <= precision {
            return (sign + digits.integerPart, digits.fractionPart)
        }
        let rounded = exactlyRounded(value, fractionDigits: precision, style: "f")
        let parts = rounded.split(separator: ".")
        var fraction = parts[1]
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (String(parts[0]), String(fraction))
    }

    /// The signed first digit, the fraction digits and the exponent text (`e+05`) of
    /// `value` in scientific notation: the shortest round-trip digits, or when
    /// `fractionDigits` asks for more, that many exact digits (numpy's `min_digits`).
    /// float32 exponents have at most two digits, which numpy always prints.
    private static func scientificParts(_ value: Float, fractionDigits: Int? = nil) -> (integerPart: String, fractionPart: String, exponent: String) {
        let digits = ShortestDigits(value)
        if let fractionDigits, fractionDigits > digits.digits.count - 1 {
            let rounded = exactlyRounded(value, fractionDigits: fractionDigits, style: "e")
            let mantissa = rounded.prefix { $0 != "e" }.split(separator: ".")
            let exponent = rounded.drop { $0 != "e" }
            return (String(mantissa[0]), mantissa.count > 1 ? String(mantissa[1]) : "", String(exponent))
        }
        let first = digits.digits.first.map { String($0) } ?? "0"
        let rest = digits.digits.dropFirst().map { String($0) }.joined()
        let power = digits.exponent.magnitude
        let exponent = "e" + (digits.exponent < 0 ? "-" : "+") + (power < 10 ? "0" : "") + String(power)
        return ((digits.isNegative ? "-" : "") + first, rest, exponent)
    }

    /// `value` rounded half-to-even from its exact binary value to `fractionDigits` digits
    /// after the point, in C's `%f` or `%e` style. A float32 converts to double exactly, and
    /// C's printf rounds the exact value, as numpy's Dragon4 does.
    private static func exactlyRounded(_ value: Float, fractionDigits: Int, style: Character) -> String {
        String(format: "%.\(fractionDigits)\(style)", Double(value))
    }

    private func padded(_ text: String, toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.utf8.count)) + text
    }
}
