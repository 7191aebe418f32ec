/// How Folio writes the output block of one cell: inside the cell's container, with the file's line endings.
///
/// A cell in a list item or block quote gets its output block in the same container, so every line of
/// the block carries the container's prefix. The prefix is taken from the cell's closing fence line (a
/// continuation line of exactly those containers) and rewritten to spaces and `>` at the same columns:
/// tabs expanded, and a space after each `>` so that the block quote marker never takes the first space
/// of an output line. The block's own fence then has the same small indentation on its opening line and
/// its content lines, which cmark strips, so the text reads back exactly.
struct OutputBlockLayout {
    /// Written before each line of the block.
    let prefix: [UInt8]
    /// Written before an empty line: the prefix without trailing spaces, e.g. `>` so a blank line
    /// inside a block quote stays inside it.
    let blankLinePrefix: [UInt8]
    /// The line ending of the cell's opening fence line: CRLF files stay CRLF.
    let lineEnding: [UInt8]

    init(for cell: Cell, in document: Document) {
        let bytes = document.bytes, lines = document.lines
        let closingLine = document.closingFenceLine(of: cell)
        let closingLineText = bytes[lines.start(ofLine: closingLine)..<lines.contentEnd(ofLine: closingLine)]
        let containerPrefix = closingLineText.prefix { $0 == .space || $0 == .tab || $0 == .greaterThan }
        prefix = Self.spacedOut(containerPrefix)
        blankLinePrefix = Array(prefix.reversed().drop(while: { $0 == .space }).reversed())
        lineEnding = Array(bytes[lines.contentEnd(ofLine: cell.fenceLine)..<lines.end(ofLine: cell.fenceLine)])
    }

    /// The output block for `text` (normalised, not empty), from its opening fence to its closing fence,
    /// without a final line ending.
    func block(_ text: String) -> [UInt8] {
        let fence = Array(repeating: UInt8.backtick, count: Self.fenceLength(for: text))
        var block = prefix + fence + Array("output".utf8) + lineEnding
        for line in Array(text.utf8).dropLast().split(separator: .newline, omittingEmptySubsequences: false) {
            block += (line.isEmpty ? blankLinePrefix : prefix + line) + lineEnding
        }
        return block + prefix + fence
    }

    /// What inserting a block after a cell adds after the cell's closing fence (before its line ending):
    /// a line ending, one blank line, then the block; in a tight list item no blank line, which would
    /// make the author's list loose (every item's text wrapped in a paragraph).
    func insertion(_ text: String, inTightListItem: Bool) -> [UInt8] {
        (inTightListItem ? lineEnding : lineEnding + blankLinePrefix + lineEnding) + block(text)
    }

    /// A backtick fence longer than any backtick run that starts a line of `text`, so that no line of
    /// the output can close it (CommonMark: a closing fence is at least as long as the opening one).
    static func fenceLength(for text: String) -> Int {
        let longestRun = Array(text.utf8).split(separator: .newline).map { line in
            line.drop(while: { $0 == .space || $0 == .tab }).prefix(while: { $0 == .backtick }).count
        }.max() ?? 0
        return max(3, longestRun + 1)
    }

    /// The container prefix with tabs expanded (tab stops of 4, as CommonMark counts) and a space after
    /// each `>`; columns are counted on the original line so the containers stay the same.
    private static func spacedOut(_ containerPrefix: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var column = 0
        for (position, byte) in zip(containerPrefix.indices, containerPrefix) {
            switch byte {
            case .tab:
                let width = 4 - column % 4
                result += Array(repeating: .space, count: width)
                column += width
            case .greaterThan:
                result.append(.greaterThan)
                column += 1
                let next = containerPrefix.index(after: position)
                if next == containerPrefix.endIndex || (containerPrefix[next] != .space && containerPrefix[next] != .tab) {
                    result.append(.space)
                }
            default:
                result.append(.space)
                column += 1
            }
        }
        return result
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let greaterThan = UInt8(ascii: ">")
    fileprivate static let backtick = UInt8(ascii: "`")
}
