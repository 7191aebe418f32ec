import Ccmark
import Folio
import Foundation

/// A libcmark syntax tree of a notebook's Markdown, owned and freed by this object.
///
/// Parsed with source positions, so every node knows the line of the file it came from.
final class MarkdownTree {
    let root: MarkdownNode

    /// Parses a document's `markdown` (its bytes with the front matter blanked, lines kept).
    init(markdown: [UInt8]) {
        let pointer = markdown.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        root = MarkdownNode(pointer!)
    }

    deinit {
        cmark_node_free(root.pointer)
    }

    /// Every node in document order, collected first so that callers may edit the tree while
    /// visiting; a caller that frees a node must first move its descendants out, as they are listed too.
    var nodes: [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        let iterator = cmark_iter_new(root.pointer)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER {
                nodes.append(MarkdownNode(cmark_iter_get_node(iterator)))
            }
        }
        return nodes
    }

    /// The tree as HTML. Without `allowRawHTML`, libcmark also blanks `javascript:` and similar
    /// link targets; custom blocks (Folio's own HTML) are always kept.
    func html(allowRawHTML: Bool) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        let rendered = cmark_render_html(root.pointer, options)!
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
