import Ccmark
import Folio
import Foundation

/// A cmark-gfm syntax tree of a notebook's Markdown, owned and freed by this object.
///
/// Parsed with source positions, so every node knows the line of the file it came from.
final class MarkdownTree {
    let root: MarkdownNode

    /// Parses a document's `markdown` (its bytes with the front matter blanked, lines kept).
    init(markdown: [UInt8]) {
        root = MarkdownNode(GitHubMarkdown.parse(markdown))
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

    /// The tree as HTML, with each `marker(i)` replaced by `inlineHTML[i]`. Without `allowRawHTML`,
    /// cmark-gfm also blanks `javascript:` and similar link targets; custom blocks (Folio's own HTML)
    /// are always kept.
    func html(allowRawHTML: Bool, replacingMarkersWith inlineHTML: [String] = []) -> String {
        let html = html(of: root, allowRawHTML: allowRawHTML)
        guard !inlineHTML.isEmpty else { return html }
        var result = ""
        var rest = html[...]
        while let start = rest.range(of: Self.markerStart), let end = rest[start.upperBound...].range(of: Self.markerEnd),
              let index = Int(rest[start.upperBound..<end.lowerBound]), inlineHTML.indices.contains(index) {
            // A marker stands in a code span's text (math spans are code spans); the HTML replaces the span.
            let before = rest[..<start.lowerBound], after = rest[end.upperBound...]
            let inCode = before.hasSuffix("<code>") && after.hasPrefix("</code>")
            result += inCode ? before.dropLast("<code>".count) : before
            result += inlineHTML[index]
            rest = inCode ? after.dropFirst("</code>".count) : after
        }
        return result + rest
    }

    /// The HTML of `node` and its descendants.
    func html(of node: MarkdownNode, allowRawHTML: Bool) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        let rendered = cmark_render_html(node.pointer, options, nil)!
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Text that stands for Folio's `index`th piece of inline HTML until the tree is rendered:
    /// Unicode noncharacters around the number, which no author's text carries.
    static func marker(_ index: Int) -> String { markerStart + String(index) + markerEnd }
    private static let markerStart = String(Unicode.Scalar(0xFDD0)!)
    private static let markerEnd = String(Unicode.Scalar(0xFDD1)!)
}
