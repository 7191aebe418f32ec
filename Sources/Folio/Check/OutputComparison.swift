/// Compares a stored output with a fresh one: numbers within a relative tolerance, all other text exactly.
///
/// A number is an optionally signed decimal with an optional fraction and exponent (`-0.0123`, `3.`,
/// `1e-05`, `42`). Two numbers match when `|a - b| <= tolerance * max(|a|, |b|)`, so `0` matches only
/// `0`; `nan`, `inf` and everything else compare as text. Numbers printed with a different width can
/// shift the spaces around them, and those spaces still compare exactly.
public struct OutputComparison: Hashable, Sendable {
    /// The relative tolerance used when none is given.
    public static let defaultTolerance = 1e-4

    public var tolerance: Double

    public init(tolerance: Double = OutputComparison.defaultTolerance) {
        self.tolerance = tolerance
    }

    /// Whether `actual` matches `stored`.
    public func matches(_ stored: Substring, _ actual: Substring) -> Bool {
        let storedTokens = Token.split(stored)
        let actualTokens = Token.split(actual)
        guard storedTokens.count == actualTokens.count else { return false }
        return zip(storedTokens, actualTokens).allSatisfy { pair in
            switch pair {
            case (.text(let a), .text(let b)): return a == b
            case (.number(let aText, let a), .number(let bText, let b)): return aText == bText || close(a, b)
            default: return false
            }
        }
    }

    public func matches(_ stored: String, _ actual: String) -> Bool {
        matches(stored[...], actual[...])
    }

    private func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    /// A piece of output: a number or the text between numbers.
    enum Token {
        case text(Substring)
        case number(text: Substring, value: Double)

        static func split(_ text: Substring) -> [Token] {
            var tokens: [Token] = []
            var textStart = text.startIndex
            var index = text.startIndex
            while index < text.endIndex {
                if let end = numberEnd(in: text, from: index), let value = Double(text[index..<end]) {
                    if textStart < index { tokens.append(.text(text[textStart..<index])) }
                    tokens.append(.number(text: text[index..<end], value: value))
                    index = end
                    textStart = end
                } else {
                    index = text.index(after: index)
                }
            }
            if textStart < text.endIndex { tokens.append(.text(text[textStart...])) }
            return tokens
        }

        /// The end of the number starting at `start`, if one starts there.
        private static func numberEnd(in text: Substring, from start: Substring.Index) -> Substring.Index? {
            let scalars = text.unicodeScalars
            var index = start
            func digits() -> Int {
                var count = 0
                while index < scalars.endIndex, ("0"..."9").contains(scalars[index]) {
                    index = scalars.index(after: index)
                    count += 1
                }
                return count
            }
            // A number does not start inside a word or another number (`float32`, `1.2.3` stay text-ish).
            if start > scalars.startIndex {
                let previous = scalars[scalars.index(before: start)]
                if previous.properties.isAlphabetic || previous == "_" || previous == "." || ("0"..."9").contains(previous) {
                    return nil
                }
            }
            if scalars[index] == "-" || scalars[index] == "+" { index = scalars.index(after: index) }
            var mantissa = digits()
            if index < scalars.endIndex, scalars[index] == "." {
                index = scalars.index(after: index)
                mantissa += digits()
            }
            guard mantissa > 0 else { return nil }
            if index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" {
                let beforeExponent = index
                index = scalars.index(after: index)
                if index < scalars.endIndex, scalars[index] == "-" || scalars[index] == "+" { index = scalars.index(after: index) }
                if digits() == 0 { index = beforeExponent }
            }
            return index
        }
    }
}
