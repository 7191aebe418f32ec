/// How `TextVectorization` normalises a text before splitting it; Keras's `standardize`.
///
/// Keras runs TensorFlow's string ops, which work on bytes: lowercasing changes ASCII letters only
/// (`"Émile"` stays `"Émile"`; Hangul has no case), and punctuation stripping removes the ASCII
/// punctuation of Python's `string.punctuation` only (`…`, `·` and `!` stay). This does the same.
public enum TextStandardization: Sendable, Equatable {
    /// Lowercase, then strip punctuation: Keras's default, `"lower_and_strip_punctuation"`.
    case lowerAndStripPunctuation
    /// ASCII letters lowercased.
    case lower
    /// ASCII punctuation removed.
    case stripPunctuation
    /// The text as it is.
    case none

    /// `text`'s UTF-8 bytes standardized; multi-byte characters are never split or changed.
    func apply(to text: Substring.UTF8View) -> [UInt8] {
        let lowers = self == .lower || self == .lowerAndStripPunctuation
        let strips = self == .stripPunctuation || self == .lowerAndStripPunctuation
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for byte in text {
            if strips && Self.isASCIIPunctuation(byte) { continue }
            bytes.append(lowers && (0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return bytes
    }

    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`, the class of Keras's strip regex.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
