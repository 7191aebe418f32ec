/// A ```` ```swift ```` fenced block of a notebook, located by byte range in the file.
public struct Cell: Hashable, Sendable {
    /// Position among the document's code cells, from 0.
    public var index: Int
    /// The code, exactly as the block's content (container indentation and `\r` removed).
    public var code: String
    public var options: CellOptions
    /// 1-based line of the opening fence in the file.
    public var fenceLine: Int
    /// 1-based line of the first code line (the line after the opening fence).
    public var codeLine: Int
    /// UTF-8 byte range of the whole block, from the opening fence's first byte
    /// to just past the closing fence's line ending (or end of file).
    public var range: Range<Int>
    /// The ```` ```output ```` block that follows this cell, if there is one.
    public var output: OutputBlock?
    /// Whether the cell sits directly in an item of a tight list, where its output block must follow
    /// without a blank line to keep the list tight.
    public var isInTightListItem: Bool

    public init(index: Int, code: String, options: CellOptions, fenceLine: Int, codeLine: Int,
                range: Range<Int>, output: OutputBlock?, isInTightListItem: Bool = false) {
        self.index = index
        self.code = code
        self.options = options
        self.fenceLine = fenceLine
        self.codeLine = codeLine
        self.range = range
        self.output = output
        self.isInTightListItem = isInTightListItem
    }
}
