/// A ```` ```output ```` block that Folio owns: it directly follows a code cell.
///
/// "Directly follows" means it is the next block in the same container as the cell (the same list item
/// or block quote), with only blank lines between. Folio creates, replaces and removes these blocks.
/// An ```` ```output ```` block anywhere else is an error rather than author content: it is almost
/// always the leftover of a deleted or edited cell, and keeping it would show stale output that looks
/// generated. Hand-written example output belongs in another block, such as ```` ```text ````.
public struct OutputBlock: Hashable, Sendable {
    /// The block's content, without fences (container indentation and `\r` removed).
    public var text: String
    /// 1-based line of the opening fence.
    public var fenceLine: Int
    /// UTF-8 byte range that removing deletes this block and the blank lines before it: from the end of
    /// the cell's closing fence line, before its line ending, to the end of this block's closing fence
    /// line, before its line ending. Removing it leaves the file as it was before the block was added,
    /// also when the cell's closing fence was the last line without a line ending.
    public var range: Range<Int>

    public init(text: String, fenceLine: Int, range: Range<Int>) {
        self.text = text
        self.fenceLine = fenceLine
        self.range = range
    }

    /// The text an output block stores for `output`: line endings as `\n` (cmark reads `\r\n` and a
    /// lone `\r` as line endings), NUL as U+FFFD (as cmark reads it), and a final `\n` unless empty.
    /// Reading back a block that Folio wrote gives exactly this text.
    public static func normalizedText(_ output: String) -> String {
        guard !output.isEmpty else { return "" }
        var text = output.replacingNULAndCarriageReturns()
        if !text.hasSuffix("\n") { text.append("\n") }
        return text
    }
}

extension String {
    fileprivate func replacingNULAndCarriageReturns() -> String {
        guard utf8.contains(where: { $0 == 0 || $0 == UInt8(ascii: "\r") }) else { return self }
        var result = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\0": result.append("\u{FFFD}")
            case "\r":
                result.append("\n")
                if pending == "\n" { pending = scalars.next() }
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
