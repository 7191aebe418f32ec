/// Where each line of a file starts, with CommonMark's line endings: `\n`, `\r\n` and a lone `\r`.
///
/// cmark reports positions as (line, byte column); this table turns them into byte offsets and back.
struct LineTable: Sendable {
    /// Byte offset of the first byte of each line; line N (1-based) starts at `starts[N - 1]`.
    /// A line ending at the very end of the file does not start another line.
    let starts: [Int]
    /// Byte offset just past the last byte of each line's content, before its line ending.
    let contentEnds: [Int]
    let byteCount: Int

    init(_ bytes: [UInt8]) {
        var starts = [0]
        var contentEnds: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                contentEnds.append(index)
                let crlf = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                index += crlf ? 2 : 1
                if index < bytes.count { starts.append(index) }
            } else {
                index += 1
            }
        }
        if contentEnds.count < starts.count { contentEnds.append(bytes.count) }
        // An empty file still has one (empty) line, so that line 1 always exists.
        self.starts = starts
        self.contentEnds = contentEnds
        self.byteCount = bytes.count
    }

    /// Number of lines; a final line ending does not start an extra line.
    var count: Int { starts.count }

    /// 1-based line containing `offset`; offsets at or past the end belong to the last line.
    func line(ofByte offset: Int) -> Int {
        var low = 0, high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    func start(ofLine line: Int) -> Int { starts[line - 1] }

    /// Offset just past the line's content, before its line ending.
    func contentEnd(ofLine line: Int) -> Int { contentEnds[line - 1] }

    /// Offset just past the line's line ending (the next line's start, or the end of the file).
    func end(ofLine line: Int) -> Int { line < starts.count ? starts[line] : byteCount }
}
