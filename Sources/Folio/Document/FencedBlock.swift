import Ccmark

/// A fenced code block with an info string, as cmark parsed it, located in the file's bytes.
///
/// Only blocks with an info string matter to Folio (cells and output blocks both have one), and only
/// fenced blocks can have one, so indented code blocks are never scanned.
struct FencedBlock {
    /// The info string, with cmark's backslash escapes and entities resolved.
    var info: String
    /// The content: container prefixes and fence indentation removed, line endings normalised to `\n`.
    var literal: String
    /// 1-based line of the opening fence.
    var fenceLine: Int
    /// Offset of the opening fence's first byte.
    var start: Int
    /// 1-based line of the closing fence; nil when the block runs to the end of its container or file.
    var closingLine: Int?
    /// Index in the scan of the block just before this one in the same container, when that sibling
    /// is itself a scanned block. Blank lines are not nodes, so they may lie between the two.
    var previousSibling: Int?
    /// Whether the block sits directly in an item of a tight list, whose items have no blank lines
    /// between their blocks: a blank line added there would make the whole list loose.
    var isInTightListItem: Bool

    /// The info string's words: the first says what the block is, the rest are options.
    var words: [Substring] { info.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
}

extension FencedBlock {
    /// Every fenced code block with an info string in `markdown`, in document order.
    ///
    /// - Parameters:
    ///   - markdown: what cmark parses: the file with its front matter blanked, so lines match the file's.
    ///   - bytes: the file as written; positions are offsets into it.
    ///   - lines: the file's line table.
    static func scan(markdown: [UInt8], bytes: [UInt8], lines: LineTable) -> [FencedBlock] {
        let document = GitHubMarkdown.parse(markdown)
        defer { cmark_node_free(document) }

        var blocks: [FencedBlock] = []
        var blockIndexByNode: [OpaquePointer: Int] = [:]
        var nodeStartLines = Set<Int>()
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != document else { continue }
            let line = Int(cmark_node_get_start_line(node))
            nodeStartLines.insert(line)
            guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
            let info = String(cString: cmark_node_get_fence_info(node))
            guard !info.isEmpty else { continue }
            // cmark-gfm counts a byte order mark in line 1's columns, so columns are byte offsets on every line.
            let start = lines.start(ofLine: line) + Int(cmark_node_get_start_column(node)) - 1
            blockIndexByNode[node] = blocks.count
            blocks.append(FencedBlock(
                info: info,
                literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                fenceLine: line,
                start: start,
                closingLine: nil,
                previousSibling: cmark_node_previous(node).flatMap { blockIndexByNode[$0] },
                isInTightListItem: isInTightListItem(node)))
        }
        for index in blocks.indices {
            blocks[index].closingLine = blocks[index].findClosingLine(bytes: bytes, lines: lines, nodeStartLines: nodeStartLines)
        }
        return blocks
    }

    private static func isInTightListItem(_ node: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(node), cmark_node_get_type(item) == CMARK_NODE_ITEM,
              let list = cmark_node_parent(item) else { return false }
        return cmark_node_get_list_tight(list) != 0
    }

    /// The closing fence's line, or nil when the block is unclosed.
    ///
    /// cmark does not say whether a fence was closed, and its end position for a block cut off by the end
    /// of its container is the line after the block. So: the closing fence can only be the line right
    /// after the content; it is one when it looks like a closing fence for this opening fence and no
    /// other block starts on it (a block cut off by its container is followed by a line that starts one).
    private func findClosingLine(bytes: [UInt8], lines: LineTable, nodeStartLines: Set<Int>) -> Int? {
        let fenceCharacter = bytes[start]
        let fenceLength = bytes[start...].prefix(while: { $0 == fenceCharacter }).count
        let contentLineCount = literal.utf8.count(where: { $0 == UInt8(ascii: "\n") })
        let candidate = fenceLine + contentLineCount + 1
        guard candidate <= lines.count, !nodeStartLines.contains(candidate) else { return nil }
        let line = bytes[lines.start(ofLine: candidate)..<lines.contentEnd(ofLine: candidate)]
        let afterPrefix = line.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") })
        let run = afterPrefix.prefix(while: { $0 == fenceCharacter }).count
        let rest = afterPrefix.dropFirst(run)
        guard run >= fenceLength, rest.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return nil }
        return candidate
    }
}
