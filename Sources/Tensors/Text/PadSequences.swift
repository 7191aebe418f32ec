/// Which end of a sequence `padSequences` pads or cuts.
public enum SequenceEnd: Sendable, Equatable {
    /// The beginning: Keras's `"pre"`, its default for both.
    case pre
    /// The end: Keras's `"post"`.
    case post
}

/// Sequences of ids as one int32 tensor (sequences.count, length); Keras's `pad_sequences`.
///
/// `length` is `maxLength` or the longest sequence's. A shorter sequence is filled with `value`
/// before it (`padding: .pre`, Keras's default) or after it; a longer one loses its first
/// (`truncating: .pre`, Keras's default) or last values.
public func padSequences(_ sequences: [[Int32]], maxLength: Int? = nil, padding: SequenceEnd = .pre,
                         truncating: SequenceEnd = .pre, value: Int32 = 0) -> Tensor {
    require(maxLength.map { $0 >= 0 } ?? true, "padSequences: maxLength must not be negative, got \(maxLength ?? 0)")
    let length = maxLength ?? sequences.map(\.count).max() ?? 0
    var ids = [Int32](repeating: value, count: sequences.count * length)
    for (row, sequence) in sequences.enumerated() {
        let kept = truncating == .pre ? sequence.suffix(length) : sequence.prefix(length)
        let start = row * length + (padding == .pre ? length - kept.count : 0)
        ids.replaceSubrange(start..<start + kept.count, with: kept)
    }
    return Tensor(shape: [sequences.count, length], integers: ids)
}

/// `padSequences` for sequences of Swift integers.
public func padSequences(_ sequences: [[Int]], maxLength: Int? = nil, padding: SequenceEnd = .pre,
                         truncating: SequenceEnd = .pre, value: Int32 = 0) -> Tensor {
    padSequences(sequences.map { $0.map { Int32($0) } }, maxLength: maxLength, padding: padding,
                 truncating: truncating, value: value)
}
