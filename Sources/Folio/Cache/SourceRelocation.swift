/// Moves the `path:LINE` locations that recorded results mention (compiler diagnostics, trap and
/// error messages) from the notebook layout they were recorded with to the current one.
///
/// The cache key leaves out paths and line numbers so that a prose edit is still a hit; a prose
/// edit that adds lines above a cell moves that cell, and this keeps its messages pointing at it.
/// A line of a cell (fence to closing fence) moves with that cell; any other line is left as
/// recorded. Both spellings of the notebook are followed: its path (in Folio's own messages) and
/// its file name (what `#sourceLocation`, so the compiler and the runtime, print).
struct SourceRelocation {
    /// A recorded cell's code lines and how far the cell has moved since.
    private struct Span {
        var lines: ClosedRange<Int>
        var shift: Int
    }

    /// Each spelling of the notebook as recorded followed by `:`, with the name that replaces it;
    /// the path before the file name, so the longer match wins.
    private let names: [(pattern: [UInt8], current: [UInt8])]
    private let spans: [Span]

    /// - Parameters:
    ///   - recorded: the path and each executed cell's first code line when the results were made.
    ///   - current: the same for the notebook now; the cells' code is identical (same cache key).
    ///   - lineCounts: each executed cell's number of code lines.
    init(recorded: (path: String, codeLines: [Int]), current: (path: String, codeLines: [Int]), lineCounts: [Int]) {
        let fileName = { (path: String) in Array(path.utf8.split(separator: UInt8(ascii: "/")).last ?? []) }
        names = [(Array(recorded.path.utf8), Array(current.path.utf8)), (fileName(recorded.path), fileName(current.path))]
            .filter { !$0.0.isEmpty }
            .map { ($0.0 + [UInt8(ascii: ":")], $0.1) }
        spans = zip(zip(recorded.codeLines, current.codeLines), lineCounts).compactMap { lines, count in
            let (old, new) = lines
            // From the opening fence (codeLine - 1) to the closing fence.
            return old == new ? nil : Span(lines: (old - 1)...(old + max(count, 1)), shift: new - old)
        }
    }

    /// True when nothing moved, so results can be used as recorded.
    var isIdentity: Bool { spans.isEmpty && names.allSatisfy { $0.pattern.dropLast().elementsEqual($0.current) } }

    func relocate(_ result: CellResult) -> CellResult {
        guard !isIdentity else { return result }
        var moved = result
        let (text, edits) = relocate(result.text)
        moved.text = text
        moved.displays = result.displays.map { display in
            CellResult.Display(range: Self.shifted(display.range, by: edits), html: display.html)
        }
        if case .failed(let message) = result.status {
            moved.status = .failed(message: relocate(message).text)
        }
        return moved
    }

    /// A replacement made in a text: at byte `offset`, `removed` bytes became `inserted` bytes.
    private struct Edit {
        var offset: Int
        var removed: Int
        var inserted: Int
    }

    private func relocate(_ text: String) -> (text: String, edits: [Edit]) {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var edits: [Edit] = []
        var index = 0
        while index < bytes.count {
            if let (name, line, end) = mention(in: bytes, at: index) {
                let replacement = name + Array(":\(moved(line))".utf8)
                edits.append(Edit(offset: index, removed: end - index, inserted: replacement.count))
                output += replacement
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return (String(decoding: output, as: UTF8.self), edits)
    }

    /// For a recorded `NAME:LINE` that starts at `start`: the current name, the line and the
    /// mention's end offset.
    private func mention(in bytes: [UInt8], at start: Int) -> (name: [UInt8], line: Int, end: Int)? {
        guard start == 0 || !Self.isPathByte(bytes[start - 1]),
              let name = names.first(where: { bytes[start...].starts(with: $0.pattern) })
        else { return nil }
        let colon = start + name.pattern.count - 1
        var end = colon + 1
        var line = 0
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]), line < 100_000_000 {
            line = line * 10 + Int(bytes[end] - UInt8(ascii: "0"))
            end += 1
        }
        return end > colon + 1 ? (name.current, line, end) : nil
    }

    private func moved(_ line: Int) -> Int {
        spans.first { $0.lines.contains(line) }.map { line + $0.shift } ?? line
    }

    /// Bytes that can continue a path, so `other/x.md:3` is not taken for a mention of `x.md`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "~"):
            return true
        default:
            return byte >= 0x80
        }
    }

    private static func shifted(_ range: Range<Int>, by edits: [Edit]) -> Range<Int> {
        func shift(_ offset: Int) -> Int {
            offset + edits.lazy.filter { $0.offset + $0.removed <= offset }.map { $0.inserted - $0.removed }.reduce(0, +)
        }
        return shift(range.lowerBound)..<max(shift(range.lowerBound), shift(range.upperBound))
    }
}
