import Foundation

/// How much of a cell's output is stored: at most `lines` lines and `bytes` bytes. Longer output
/// keeps its head and its tail around a line that says what was left out, as Jupyter does, so a
/// runaway cell never writes megabytes into the notebook. `check` compares this cut form.
public struct OutputLimit: Hashable, Sendable {
    public static let defaultLines = 10_000

    public var lines: Int
    /// 1 MiB per 10,000 lines.
    public var bytes: Int { max(1024, lines * (1 << 20) / Self.defaultLines) }

    public init(lines: Int = OutputLimit.defaultLines) {
        self.lines = lines
    }

    /// `output` cut to the limit, with the notice line where the middle was left out; unchanged when within it.
    func truncating(_ output: ArraySlice<UInt8>) -> (kept: [UInt8], headEnd: Int?) {
        let newline = UInt8(ascii: "\n")
        guard output.count > bytes || Self.newlines(in: output) + (output.last == newline || output.isEmpty ? 0 : 1) > lines else {
            return (Array(output), nil)
        }
        var head = Self.prefix(of: output, lines: (lines + 1) / 2, bytes: bytes / 2)
        var tail = Self.tail(of: output, lines: lines / 2, bytes: bytes / 2)
        // Never keep part of a UTF-8 character: a head cut before a continuation byte drops the
        // character's first bytes; a tail (kept reversed) that ends in continuation bytes drops them.
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        if head.count < output.count, isContinuation(output[output.startIndex + head.count]) {
            while let last = head.popLast(), isContinuation(last) {}
        }
        while let last = tail.last, isContinuation(last) { tail.removeLast() }
        let omitted = output[(output.startIndex + head.count)..<(output.endIndex - tail.count)]
        let omittedLines = Self.newlines(in: omitted)
        var kept = Array(head)
        if kept.last != newline && !kept.isEmpty { kept.append(newline) }
        let headEnd = kept.count
        kept += Array(notice(lines: omittedLines, bytes: omitted.count).utf8)
        kept += tail.reversed()
        return (kept, headEnd)
    }

    /// The line standing for what was left out.
    func notice(lines omittedLines: Int, bytes omittedBytes: Int) -> String {
        "… output truncated: \(omittedLines) line\(omittedLines == 1 ? "" : "s") (\(omittedBytes) bytes) omitted; "
            + "a cell keeps \(lines) lines or \(ResourceLimits.describe(bytes: UInt64(bytes))) "
            + "(raise it with `output-limit=LINES` on the cell or --output-limit LINES) …\n"
    }

    /// The number of newlines in `bytes`, found with `memchr`: output can be hundreds of megabytes.
    private static func newlines(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard var position = buffer.baseAddress else { return 0 }
            let end = position + buffer.count
            var count = 0
            while position < end, let found = memchr(position, 0x0A, end - position) {
                count += 1
                position = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }

    /// The longest prefix of `bytes` with at most `lines` whole lines and `limit` bytes.
    private static func prefix(of bytes: ArraySlice<UInt8>, lines: Int, bytes limit: Int) -> [UInt8] {
        var taken: [UInt8] = []
        var count = 0
        for byte in bytes {
            if taken.count == limit || count == lines { break }
            taken.append(byte)
            if byte == UInt8(ascii: "\n") { count += 1 }
        }
        return taken
    }

    /// The longest suffix of `bytes` with at most `lines` lines and `limit` bytes, reversed.
    private static func tail(of bytes: ArraySlice<UInt8>, lines: Int, bytes limit: Int) -> [UInt8] {
        var taken: [UInt8] = []
        var newlines = 0
        // The final newline ends the last line rather than starting another.
        let stop = lines + (bytes.last == UInt8(ascii: "\n") ? 1 : 0)
        for byte in bytes.reversed() {
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                if newlines == stop { break }
            }
            if taken.count == limit { break }
            taken.append(byte)
        }
        return taken
    }
}
