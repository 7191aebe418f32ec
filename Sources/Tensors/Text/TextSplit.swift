/// How `TextVectorization` cuts a standardized text into tokens; Keras's `split`.
public enum TextSplit: Sendable, Equatable {
    /// On runs of ASCII whitespace (space, tab, newline, vertical tab, form feed, carriage
    /// return), ignoring leading and trailing ones, as TensorFlow's `strings.split` does.
    case whitespace
    /// Into Unicode scalars, as TensorFlow's `strings.unicode_split` does (a Hangul syllable is
    /// one token; a decomposed one is several).
    case character

    /// The tokens of `bytes`, a standardized UTF-8 text.
    func tokens(of bytes: [UInt8]) -> [String] {
        switch self {
        case .whitespace:
            return bytes.split(whereSeparator: Self.isASCIIWhitespace).map { String(decoding: $0, as: UTF8.self) }
        case .character:
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.map { String($0) }
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
