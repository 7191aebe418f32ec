extension Document {
    /// The document's bytes with each edit's range replaced by its replacement. Ranges must not
    /// overlap; an insertion (an empty range) at the start of a replaced range goes before it.
    func applying(_ edits: [(range: Range<Int>, replacement: [UInt8])]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var copied = 0
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            result += bytes[copied..<edit.range.lowerBound]
            result += edit.replacement
            copied = edit.range.upperBound
        }
        result += bytes[copied...]
        return result
    }
}
