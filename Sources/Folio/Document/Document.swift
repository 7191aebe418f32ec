import Foundation

/// A notebook: the Markdown bytes as written, with its front matter and code cells located.
///
/// Parsing checks everything Folio later relies on, so a `Document` is always safe to run, render
/// and splice: valid UTF-8, well-formed front matter, known cell options, closed cells, and output
/// blocks only where Folio writes them (see `OutputBlock`).
public struct Document: Sendable {
    /// The path used in messages (`file.md:12: ...`).
    public let path: String
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    public let frontMatter: FrontMatter
    public let cells: [Cell]
    /// What to give cmark to walk this document: `bytes` with the front matter's bytes (other than line
    /// endings) replaced by spaces. Lines, columns and byte offsets are the same as in `bytes`, and the
    /// front matter reads as blank lines instead of a thematic break and a heading.
    public let markdown: [UInt8]
    let lines: LineTable

    /// The seed a notebook without a `seed` key in its front matter runs with.
    public static let defaultSeed: UInt64 = 42

    /// The notebook's random seed: its front matter's `seed`, or `defaultSeed`.
    public var seed: UInt64 { frontMatter.seed ?? Self.defaultSeed }

    /// Parses a notebook. `path` only names it in messages.
    public init(path: String, bytes: [UInt8]) throws(DocumentError) {
        self.path = path
        self.bytes = bytes
        lines = LineTable(bytes)
        if let offset = firstInvalidUTF8Offset(in: bytes) {
            let line = lines.line(ofByte: offset)
            let column = offset - lines.start(ofLine: line) + 1
            throw DocumentError(path: path, line: line,
                                message: "invalid UTF-8: byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at column \(column)")
        }
        frontMatter = try FrontMatter(locatedIn: bytes, lines: lines, path: path)
        markdown = Self.blanking(frontMatter.range, in: bytes)
        let blocks = FencedBlock.scan(markdown: markdown, bytes: bytes, lines: lines)
        cells = try Self.cells(from: blocks, lines: lines, path: path)
    }

    /// Reads and parses the notebook at `path`; a missing or unreadable file is an error without a line.
    public init(contentsOf path: String) throws(DocumentError) {
        try self.init(path: path, bytes: Self.contents(ofFile: path))
    }

    /// The 1-based line that contains byte `offset` of `bytes` (the last line for the end of the file).
    public func lineOfByte(_ offset: Int) -> Int {
        lines.line(ofByte: offset)
    }

    /// The cell whose opening fence is on `line`, for matching cmark's code block nodes to cells.
    public func cell(atFenceLine line: Int) -> Cell? {
        cells.first { $0.fenceLine == line }
    }

    /// The cell whose output block's opening fence is on `line`.
    public func cell(withOutputAtFenceLine line: Int) -> Cell? {
        cells.first { $0.output?.fenceLine == line }
    }

    /// The line of a cell's closing fence (every cell has one).
    func closingFenceLine(of cell: Cell) -> Int {
        lines.line(ofByte: cell.range.upperBound - 1)
    }

    private static func blanking(_ range: Range<Int>, in bytes: [UInt8]) -> [UInt8] {
        var markdown = bytes
        for offset in range where bytes[offset] != UInt8(ascii: "\n") && bytes[offset] != UInt8(ascii: "\r") {
            markdown[offset] = UInt8(ascii: " ")
        }
        return markdown
    }

    /// Turns the scanned blocks into cells with their output blocks, rejecting what Folio cannot own.
    private static func cells(from blocks: [FencedBlock], lines: LineTable, path: String) throws(DocumentError) -> [Cell] {
        var cells: [Cell] = []
        var cellIndexByBlock: [Int: Int] = [:]
        for (blockIndex, block) in blocks.enumerated() {
            let words = block.words
            let fail = { (message: String) in DocumentError(path: path, line: block.fenceLine, message: message) }
            switch words.first {
            case "swift":
                guard let closingLine = block.closingLine else {
                    throw fail("code cell is never closed: add a closing fence to end the ```swift block")
                }
                let options: CellOptions
                do {
                    options = try CellOptions(words: Array(words.dropFirst()))
                } catch {
                    throw fail(error.message)
                }
                cellIndexByBlock[blockIndex] = cells.count
                cells.append(Cell(index: cells.count, code: block.literal, options: options, fenceLine: block.fenceLine,
                                  codeLine: block.fenceLine + 1, range: block.start..<lines.end(ofLine: closingLine), output: nil,
                                  isInTightListItem: block.isInTightListItem))
            case "output":
                guard let closingLine = block.closingLine else {
                    throw fail("output block is never closed: delete it (the next `folio run` writes it again) or close its fence")
                }
                guard words.count == 1 else {
                    throw fail("output block has more than 'output' in its info string ('\(block.info)'); Folio writes bare ```output blocks")
                }
                guard let previous = block.previousSibling, let cellIndex = cellIndexByBlock[previous] else {
                    if let previous = block.previousSibling, blocks[previous].words.first == "output" {
                        throw fail("second output block after one cell (the first is at line \(blocks[previous].fenceLine)); delete one")
                    }
                    throw fail("output block does not directly follow a ```swift cell; Folio owns ```output blocks and writes "
                               + "them only right after a cell. Delete it, or use another info string such as ```text")
                }
                let cellClosingLine = blocks[previous].closingLine!
                cells[cellIndex].output = OutputBlock(
                    text: block.literal, fenceLine: block.fenceLine,
                    range: lines.contentEnd(ofLine: cellClosingLine)..<lines.contentEnd(ofLine: closingLine))
            default:
                continue
            }
        }
        return cells
    }

    private static func contents(ofFile path: String) throws(DocumentError) -> [UInt8] {
        guard let bytes = fileBytes(atPath: path) else {
            throw DocumentError(path: path, line: nil, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}
