import Ccmark

/// Math spans as GitHub reads them, as a cmark-gfm inline extension: `$...$` and `` $`...`$ ``
/// inline, and `$$...$$` display math.
///
/// The span's TeX is taken from the source before any Markdown inline rule sees it, so backslashes,
/// underscores and asterisks reach KaTeX as written (`\{ x \}`, `h_{t-1}`, `a \\ b`). Where a dollar
/// starts math follows GitHub: an opening `$` is followed by a non-space, a closing `$` follows a
/// non-space and is not followed by a digit, and `\$` never closes; the first unescaped `$` after an
/// opening one must be a closing one, so `$5 and $10` stays text. A backslash-escaped `\$` outside
/// math is a dollar, as in CommonMark. GitHub's other inline form, `` $`...`$ ``, ends at the first
/// `` `$ `` whatever it holds (dollars included). ```` ```math ```` blocks are code blocks, handled
/// where they are rendered.
///
/// A span is a code span owned by this extension (table cells take no custom inline, and text nodes
/// get merged with their neighbours): it renders as its source, in code, until the site puts the
/// typeset formula in its place (see `span(of:)`).
final class MathSyntax: @unchecked Sendable {
    static let shared = MathSyntax()

    let extensionPointer: OpaquePointer

    private init() {
        extensionPointer = cmark_syntax_extension_new("folio-math")!
        cmark_syntax_extension_set_special_inline_chars(
            extensionPointer, cmark_llist_append(cmark_get_default_mem_allocator(), nil, UnsafeMutableRawPointer(bitPattern: 0x24)))
        // cmark-gfm offers every character that starts no core construct, not only the special ones.
        cmark_syntax_extension_set_match_inline_func(extensionPointer) { _, _, parent, character, inline in
            character == UInt8(ascii: "$") ? MathSyntax.shared.match(parent: parent, inline: inline) : nil
        }
    }

    /// The math node that starts at the parser's `$`, with the parser moved past it; nil (the `$` is
    /// text) when no closing delimiter follows.
    private func match(parent: OpaquePointer?, inline: OpaquePointer?) -> OpaquePointer? {
        guard let inline else { return nil }
        let start = Int(cmark_inline_parser_get_offset(inline))
        let byte = { (offset: Int) -> UInt8 in cmark_inline_parser_peek_at(inline, Int32(offset)) }
        if byte(start + 1) == UInt8(ascii: "`"), let node = matchBacktickForm(at: start, parent: parent, inline: inline) { return node }
        let display = byte(start + 1) == UInt8(ascii: "$")
        let contentStart = start + (display ? 2 : 1)
        if !display && (byte(contentStart) == 0 || Self.isSpace(byte(contentStart))) { return nil }

        // The first unescaped dollar after the opening one must close the span, else there is no span.
        var offset = contentStart
        while byte(offset) != 0 && byte(offset) != UInt8(ascii: "$") {
            offset += byte(offset) == UInt8(ascii: "\\") && byte(offset + 1) != 0 ? 2 : 1
        }
        guard byte(offset) == UInt8(ascii: "$") else { return nil }
        let contentEnd = offset
        if display {
            guard byte(offset + 1) == UInt8(ascii: "$"), contentEnd > contentStart else { return nil }
        } else if Self.isSpace(byte(offset - 1)) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte(offset + 1)) {
            return nil
        }

        return node(source: start..<(contentEnd + (display ? 2 : 1)), tex: contentStart..<contentEnd, isDisplay: display,
                    parent: parent, inline: inline)
    }

    /// The inline math node of `` $`...`$ `` at `start`, or nil when no `` `$ `` closes it.
    private func matchBacktickForm(at start: Int, parent: OpaquePointer?, inline: OpaquePointer) -> OpaquePointer? {
        let byte = { (offset: Int) -> UInt8 in cmark_inline_parser_peek_at(inline, Int32(offset)) }
        let contentStart = start + 2
        var offset = contentStart
        while byte(offset) != 0 && !(byte(offset) == UInt8(ascii: "`") && byte(offset + 1) == UInt8(ascii: "$")) { offset += 1 }
        guard byte(offset) != 0, offset > contentStart else { return nil }
        return node(source: start..<(offset + 2), tex: contentStart..<offset, isDisplay: false, parent: parent, inline: inline)
    }

    /// A math node for the parser's bytes `source`, whose formula is the bytes `tex`, with the parser
    /// moved past it.
    private func node(source: Range<Int>, tex: Range<Int>, isDisplay: Bool, parent: OpaquePointer?,
                      inline: OpaquePointer) -> OpaquePointer {
        let byte = { (offset: Int) -> UInt8 in cmark_inline_parser_peek_at(inline, Int32(offset)) }
        let node = cmark_node_new(CMARK_NODE_CODE)!
        cmark_node_set_syntax_extension(node, extensionPointer)
        cmark_node_set_string_content(node, String(decoding: tex.map(byte), as: UTF8.self))
        cmark_node_set_literal(node, String(decoding: source.map(byte), as: UTF8.self))
        let line = Self.firstLine(of: parent) + (0..<source.lowerBound).count { byte($0) == UInt8(ascii: "\n") }
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: line << 1 | (isDisplay ? 1 : 0)))
        cmark_inline_parser_set_offset(inline, Int32(source.upperBound))
        return node
    }

    /// The formula a node of this extension holds, or nil for any other node.
    func span(of node: OpaquePointer) -> MathSpan? {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE,
              cmark_node_get_syntax_extension(node) == extensionPointer else { return nil }
        let packed = Int(bitPattern: cmark_node_get_user_data(node))
        return MathSpan(tex: String(cString: cmark_node_get_string_content(node)), isDisplay: packed & 1 == 1, line: packed >> 1)
    }

    /// The line of the first block around `node` that knows its position (table cells may not).
    private static func firstLine(of node: OpaquePointer?) -> Int {
        var current = node
        while let block = current {
            let line = Int(cmark_node_get_start_line(block))
            if line > 0 { return line }
            current = cmark_node_parent(block)
        }
        return 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
