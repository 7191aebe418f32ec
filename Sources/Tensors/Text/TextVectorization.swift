/// Turns texts into padded sequences of integer ids from a vocabulary it learns; Keras's
/// `TextVectorization` with `output_mode="int"`.
///
/// ```swift
/// let vectorize = TextVectorization(maxTokens: 10_000, outputSequenceLength: 40)
/// vectorize.adapt(reviews)             // the vocabulary: "", "[UNK]", then by frequency
/// let ids = vectorize(reviews)         // int32 (reviews.count, 40)
/// ```
///
/// Each text is standardized (`TextStandardization`), split (`TextSplit`) and looked up: id 0 is
/// padding (the empty string), id 1 is every token outside the vocabulary (`"[UNK]"`). `adapt`
/// orders the learned tokens as Keras does: by count, most frequent first, ties broken by the
/// token's UTF-8 bytes in descending order; `maxTokens` counts the two reserved entries. Without
/// an `outputSequenceLength` a batch is padded at the end to its longest text; with one, every
/// sequence is cut or padded at the end to that length.
public final class TextVectorization: CustomStringConvertible {
    public let maxTokens: Int?
    public let standardize: TextStandardization
    public let split: TextSplit
    public let outputSequenceLength: Int?

    /// The padding entry and the out-of-vocabulary entry, ids 0 and 1.
    public static let reservedTokens = ["", "[UNK]"]

    private var tokens: [String] = TextVectorization.reservedTokens
    private var ids: [String: Int32] = [:]

    public init(maxTokens: Int? = nil, standardize: TextStandardization = .lowerAndStripPunctuation,
                split: TextSplit = .whitespace, outputSequenceLength: Int? = nil) {
        require(maxTokens.map { $0 > Self.reservedTokens.count } ?? true,
                "TextVectorization: maxTokens must be greater than 2 (it counts \"\" and \"[UNK]\"), got \(maxTokens ?? 0)")
        require(outputSequenceLength.map { $0 > 0 } ?? true,
                "TextVectorization: outputSequenceLength must be positive, got \(outputSequenceLength ?? 0)")
        self.maxTokens = maxTokens
        self.standardize = standardize
        self.split = split
        self.outputSequenceLength = outputSequenceLength
    }

    public var description: String {
        "TextVectorization(maxTokens: \(maxTokens.map(String.init) ?? "nil"), vocabulary: \(tokens.count))"
    }

    /// The vocabulary in id order: `""`, `"[UNK]"`, then the learned tokens.
    public func vocabulary() -> [String] { tokens }

    /// The number of ids the output can hold: what an `Embedding` after this layer needs as `inputDim`.
    public var vocabularySize: Int { tokens.count }

    /// The tokens of one text after standardizing and splitting, as they are looked up.
    public func tokenize(_ text: String) -> [String] {
        split.tokens(of: standardize.apply(to: Substring(text).utf8))
    }

    /// Learns the vocabulary from `texts`, replacing any earlier one.
    public func adapt(_ texts: [String]) {
        var counts: [String: Int] = [:]
        for text in texts {
            for token in tokenize(text) { counts[token, default: 0] += 1 }
        }
        for reserved in Self.reservedTokens { counts[reserved] = nil }
        var learned = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : b.key.utf8.lexicographicallyPrecedes(a.key.utf8)
        }.map(\.key)
        if let maxTokens { learned = Array(learned.prefix(maxTokens - Self.reservedTokens.count)) }
        setVocabulary(learned)
    }

    /// Uses `learned` as the vocabulary after the two reserved entries, in this order.
    public func setVocabulary(_ learned: [String]) {
        tokens = Self.reservedTokens + learned
        ids = Dictionary(tokens.enumerated().map { ($1, Int32($0)) }) { _, _ in
            fatalError("TextVectorization.setVocabulary: the vocabulary holds a token twice (or \"\" or \"[UNK]\", which are reserved)")
        }
    }

    /// The ids of `texts`: int32 (texts.count, length), 0 after each text's end.
    public func callAsFunction(_ texts: [String]) -> Tensor {
        let sequences = texts.map { text in tokenize(text).map { ids[$0] ?? 1 } }
        let length = outputSequenceLength ?? sequences.map(\.count).max() ?? 0
        return padSequences(sequences, maxLength: length, padding: .post, truncating: .post)
    }

    /// The ids of one text: int32 (length).
    public func callAsFunction(_ text: String) -> Tensor {
        let batch = self([text])
        return batch.reshaped(to: [batch.shape[1]])
    }
}
