import Ccmark
import Folio
import Foundation

/// Turns a notebook and its cells' results into the HTML of an article.
///
/// libcmark parses the Markdown; Folio then edits the tree before libcmark renders it:
/// code cells become highlighted code with their results right under them (stored
/// ```` ```output ```` blocks are dropped: the results replace them), headings get anchor ids,
/// the ```` ```toc ```` block becomes a table of contents, and local links are checked and
/// pointed at their copies in the site. Folio's own HTML goes in as custom blocks, which libcmark
/// emits verbatim even when authors' raw HTML is not allowed.
public struct HTMLRenderer: Sendable {
    /// Whether raw HTML that authors write passes through (`--safe` turns this off: it is
    /// dropped, and libcmark blanks `javascript:`-style link targets).
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = true) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// Renders `document` with `results[i]` under cell `i` (nil: the cell shows no output).
    ///
    /// - Parameter notebookPages: page file names by the standardized absolute path of each
    ///   notebook in the site, so that links between notebooks point at their pages.
    /// - Throws: `DocumentError` naming the file and line of a link to a missing file.
    public func render(_ document: Document, results: [CellResult?],
                       notebookPages: [String: String] = [:]) throws(DocumentError) -> RenderedPage {
        precondition(results.count == document.cells.count,
                     "HTMLRenderer: \(document.path) has \(document.cells.count) cells but \(results.count) results")
        let tree = MarkdownTree(markdown: document.markdown)
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent().standardizedFileURL

        var slugger = HeadingSlugger()
        var headings: [PageHeading] = []
        var tocBlocks: [MarkdownNode] = []
        var files: [LinkedFile] = []
        let summary = document.frontMatter.fields["description"] ?? document.frontMatter.fields["summary"]
            ?? Self.firstParagraphText(of: tree)

        for node in tree.nodes {
            switch node.type {
            case CMARK_NODE_HEADING:
                let heading = PageHeading(level: node.headingLevel, text: node.plainText,
                                          id: slugger.slug(for: node.plainText))
                headings.append(heading)
                let anchored = MarkdownNode.customBlock(
                    enter: "<h\(heading.level) id=\"\(heading.id.htmlEscaped)\">", exit: "</h\(heading.level)>")
                anchored.adoptChildren(of: node)
                node.replace(with: anchored)
            case CMARK_NODE_CODE_BLOCK:
                switch node.fenceInfo.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "" {
                case "swift":
                    guard let cell = document.cell(atFenceLine: node.startLine) else { break }
                    node.replace(with: .customBlock(enter: CellHTML.html(for: cell, result: results[cell.index])))
                case "output" where document.cell(withOutputAtFenceLine: node.startLine) != nil:
                    node.remove()
                case "toc":
                    tocBlocks.append(node)
                default:
                    break
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !allowsRawHTML { node.remove() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let file = try resolveLink(node, of: document, folder: folder, notebookPages: notebookPages) {
                    files.append(file)
                }
            default:
                break
            }
        }
        let toc = TableOfContents.html(for: headings)
        for block in tocBlocks {
            block.replace(with: .customBlock(enter: toc))
        }

        let title = document.frontMatter.title ?? headings.first?.text
            ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
        return RenderedPage(sourcePath: document.path, frontMatter: document.frontMatter, title: title,
                            body: tree.html(allowRawHTML: allowsRawHTML), headings: headings,
                            summary: summary, files: files)
    }

    /// Checks a link's local target and points the link at the target's place in the site:
    /// another notebook's page, or the copied file (returned).
    private func resolveLink(_ node: MarkdownNode, of document: Document, folder: URL,
                             notebookPages: [String: String]) throws(DocumentError) -> LinkedFile? {
        let line = node.startLine
        let link: LocalLink
        do {
            guard let local = try LocalLink(url: node.url) else { return nil }
            link = local
        } catch {
            throw DocumentError(path: document.path, line: line,
                                message: "link '\(node.url)' points outside the notebook's folder; "
                                    + "keep linked files in or under the folder (e.g. assets/)")
        }
        let source = folder.appendingPathComponent(link.path).standardizedFileURL.path
        if let page = notebookPages[source] {
            node.url = page + link.suffix
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DocumentError(path: document.path, line: line,
                                message: "linked file '\(link.path)' not found (looked for \(source))")
        }
        node.url = link.path + link.suffix
        return LinkedFile(source: source, sitePath: link.path, notebookPath: document.path, line: line)
    }

    /// The first top-level paragraph with words, shortened to one index line.
    private static func firstParagraphText(of tree: MarkdownTree) -> String {
        let limit = 160
        for node in tree.root.children where node.type == CMARK_NODE_PARAGRAPH {
            let text = node.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty else { continue }
            return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
        }
        return ""
    }
}
