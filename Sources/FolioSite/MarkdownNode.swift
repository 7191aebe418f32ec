import Ccmark
import Folio
import Folio

/// A node of a `MarkdownTree` (a borrowed cmark-gfm pointer: valid while its tree lives).
struct MarkdownNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// A block that renders as `enter`, then its children, then `exit`, verbatim, even in safe mode.
    static func customBlock(enter: String, exit: String = "") -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!)
        cmark_node_set_on_enter(node.pointer, enter)
        cmark_node_set_on_exit(node.pointer, exit)
        return node
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// The 1-based line of the file where the node starts.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    /// The first word of a code block's info string, which says what the block is (`swift`, `math`).
    var fenceWord: String { fenceInfo.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "" }
    /// The formula of a `$...$` or `$$...$$` span.
    var mathSpan: MathSpan? { GitHubMarkdown.mathSpan(of: pointer) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var children: [MarkdownNode] {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            children.append(MarkdownNode(current))
            child = cmark_node_next(current)
        }
        return children
    }

    /// The text a reader sees, without markup or raw HTML (for ids, the TOC and summaries).
    var plainText: String {
        if let mathSpan { return mathSpan.tex }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: return literal
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: return ""
        default: return children.map(\.plainText).joined()
        }
    }

    /// Puts `replacement` where this node is and frees this node and its descendants.
    func replace(with replacement: MarkdownNode) {
        cmark_node_replace(pointer, replacement.pointer)
        cmark_node_free(pointer)
    }

    /// Takes this node out of its tree and frees it and its descendants.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Moves all children of `other` to the end of this node's children.
    func adoptChildren(of other: MarkdownNode) {
        while let child = cmark_node_first_child(other.pointer) {
            cmark_node_append_child(pointer, child)
        }
    }
}
