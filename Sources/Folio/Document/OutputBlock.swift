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

    /// The text an output block stores for `output`: carriage returns resolved as a terminal does
    /// (cmark would read a lone `\r` as a line ending; see `resolvingCarriageReturns`), NUL as U+FFFD
    /// (as cmark reads it), and a final `\n` unless empty. Reading back a block that Folio wrote
    /// gives exactly this text.
    public static func normalizedText(_ output: String) -> String {
        var text = output.resolvingCarriageReturns
        guard !text.isEmpty else { return "" }
        if text.utf8.contains(0) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
        }
        if !text.hasSuffix("\n") { text.append("\n") }
        return text
    }
}
