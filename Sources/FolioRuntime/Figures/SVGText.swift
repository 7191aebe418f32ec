#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Text as it goes into a figure's SVG: escaped, on one line, with numbers written the same way on every run.
enum SVGText {
    /// `text` safe as XML character data or an attribute value: markup characters become entities and
    /// characters XML forbids (most control characters) become U+FFFD, so no label can break the file.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value)
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// `text` on one line: a title or label with line breaks reads as one with spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    /// A coordinate: at most two decimals, no trailing zeros, never `-0`.
    static func coordinate(_ value: Double) -> String {
        decimal(value, places: 2, keepingZeros: false)
    }

    /// `value` rounded to `places` decimals, with exactly that many (`keepingZeros`) or without trailing zeros.
    /// Computed on integers, so the digits never depend on how a platform prints floating point.
    static func decimal(_ value: Double, places: Int, keepingZeros: Bool) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return "\(value)" }
        let units = Int64(abs(scaled))
        let sign = scaled < 0 && units != 0 ? "-" : ""
        var whole = String(units)
        if places == 0 { return sign + whole }
        if whole.count <= places { whole = String(repeating: "0", count: places - whole.count + 1) + whole }
        var fraction = String(whole.suffix(places))
        whole.removeLast(places)
        if !keepingZeros {
            while fraction.last == "0" { fraction.removeLast() }
        }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `value` to three significant digits, short enough for a heatmap cell or a colour bar: `-0.0454`,
    /// `123`, `3.42e-4`.
    static func short(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
        let exponent = Int(floor(log10(abs(value))))
        if (-3..<5).contains(exponent) { return decimal(value, places: max(0, 2 - exponent), keepingZeros: false) }
        var scale = 1.0
        for _ in 0..<abs(exponent) { scale *= 10 }
        let mantissa = exponent < 0 ? value * scale : value / scale
        return decimal(mantissa, places: 2, keepingZeros: false) + "e\(exponent)"
    }

    /// A value as the figure's data records it: the shortest text that reads back as the same `Float`.
    static func value(_ value: Float) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value < 0 ? "-inf" : "inf") : "\(value)"
    }

    /// The width `text` takes at `fontSize`, estimated (an SVG file cannot measure): Hangul, CJK and
    /// emoji take a full em, other characters about 0.6 em.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in width + (isWide(scalar) ? 1.0 : 0.6) } * fontSize
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: true
        default: false
        }
    }
}
