import Ccmark
import Folio
import Foundation

/// Turns a notebook and its cells' results into the HTML of an article.
///
/// cmark-gfm parses the Markdown (GitHub-flavoured: tables, strikethrough, autolinks, task lists,
/// footnotes, math); Folio then edits the tree before cmark-gfm renders it: code cells become
/// highlighted code with their results right under them (stored ```` ```output ```` blocks are
/// dropped: the results replace them), formulas become KaTeX's HTML, GitHub's alerts become
/// callouts, headings get anchor ids, the ```` ```toc ```` block becomes a table of contents, and
/// local links are checked and pointed at their copies in the site. Folio's own HTML goes in as
/// custom blocks, which cmark-gfm emits verbatim even when authors' raw HTML is not allowed.
public struct HTMLRenderer: Sendable {
    /// Whether raw HTML that authors write passes through (`--safe` turns this off: it is all
    /// dropped, which covers what GitHub's tagfilter removes, and cmark-gfm blanks `javascript:`-style
    /// link targets).
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = true) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// Every formula of `document`, in order: `$...$`, `$$...$$` and ```` ```math ```` blocks.
    public static func formulas(in document: Document) -> [MathSpan] {
        // Most lessons have no math: no dollar, no `math` fence, no need to parse.
        guard document.markdown.contains(UInt8(ascii: "$")) || document.markdown.firstRange(of: Array("math".utf8)) != nil else {
            return []
        }
        let tree = MarkdownTree(markdown: document.markdown)
        return tree.nodes.compactMap { node in
            node.mathSpan ?? (node.type == CMARK_NODE_CODE_BLOCK && node.fenceWord == "math"
                ? MathSpan(tex: node.literal, isDisplay: true, line: node.startLine) : nil)
        }
    }

    /// Renders `document` with `results[i]` under cell `i` (nil: the cell shows no output).
    ///
    /// - Parameters:
    ///   - notebookPages: page file names by the standardized absolute path of each notebook in
    ///     the site, so that links between notebooks point at their pages.
    ///   - math: the typeset formulas (`Site` typesets a whole site's at once with KaTeX). A formula
    ///     that failed shows its source in an error style and is reported in the page's `problems`.
    /// - Throws: `DocumentError` naming the file and line of a link to a missing file.
    public func render(_ document: Document, results: [CellResult?], notebookPages: [String: String] = [:],
                       math: TypesetMath = TypesetMath()) throws(DocumentError) -> RenderedPage {
        precondition(results.count == document.cells.count,
                     "HTMLRenderer: \(document.path) has \(document.cells.count) cells but \(results.count) results")
        let tree = MarkdownTree(markdown: document.markdown)
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent().standardizedFileURL
        let language = InterfaceWords.language(declared: document.frontMatter.fields["lang"],
                                               prose: (document.frontMatter.title ?? "") + tree.root.plainText)
        let words = InterfaceWords(language: language)

        var headingNodes: [MarkdownNode] = []
        var alertQuotes: [MarkdownNode] = []
        var tocBlocks: [MarkdownNode] = []
        var files: [LinkedFile] = []
        var figureParagraphs: [MarkdownNode] = []
        var problems: [DocumentError] = []
        var inlineHTML: [String] = []
        let summary = document.frontMatter.fields["description"] ?? document.frontMatter.fields["summary"]
            ?? Self.firstParagraphText(of: tree)

        func typeset(_ span: MathSpan, source: String) -> String {
            switch math.formulas[MathFormula(tex: span.tex, isDisplay: span.isDisplay)] {
            case .success(let html)?:
                return "<span class=\"math \(span.isDisplay ? "math-display" : "math-inline")\">\(html)</span>"
            case .failure(let error)?:
                problems.append(DocumentError(path: document.path, line: span.line, message: "math does not typeset: \(error.message)"))
                return "<code class=\"math-error\" title=\"\(error.message.htmlEscaped)\">\(source.htmlEscaped)</code>"
            case nil:
                return "<code class=\"math-source\">\(source.htmlEscaped)</code>"
            }
        }

        for node in tree.nodes {
            if let span = node.mathSpan {
                // Table cells take no custom inline, so the formula goes in after rendering, by marker.
                inlineHTML.append(typeset(span, source: node.literal))
                node.literal = MarkdownTree.marker(inlineHTML.count - 1)
                continue
            }
            switch node.type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_BLOCK_QUOTE:
                alertQuotes.append(node)
            case CMARK_NODE_CODE_BLOCK:
                switch node.fenceWord {
                case "swift":
                    guard let cell = document.cell(atFenceLine: node.startLine) else { break }
                    node.replace(with: .customBlock(enter: CellHTML.html(for: cell, result: results[cell.index])))
                case "output" where document.cell(withOutputAtFenceLine: node.startLine) != nil:
                    node.remove()
                case "math":
                    let span = MathSpan(tex: node.literal, isDisplay: true, line: node.startLine)
                    let source = "```math\n" + node.literal + "```"
                    node.replace(with: .customBlock(enter: "<div class=\"math-block\">" + typeset(span, source: source) + "</div>\n"))
                case "toc":
                    tocBlocks.append(node)
                default:
                    break
                }
            case CMARK_NODE_PARAGRAPH where document.isFigureParagraph(startingAt: node.startLine, endingAt: node.endLine):
                // The cell's figures show with its results; removed after the walk, which lists its images next.
                figureParagraphs.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !allowsRawHTML { node.remove() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard !figureParagraphs.contains(where: { ($0.startLine...$0.endLine).contains(node.startLine) }) else { break }
                if let file = try resolveLink(node, of: document, folder: folder, notebookPages: notebookPages) {
                    files.append(file)
                }
            default:
                break
            }
        }
        figureParagraphs.forEach { $0.remove() }
        for quote in alertQuotes {
            Self.makeAlert(quote, words: words)
        }

        let title = document.frontMatter.title ?? headingNodes.first?.plainText
            ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
        var slugger = HeadingSlugger()
        var headings: [PageHeading] = []
        var titleID: String?
        for (index, node) in headingNodes.enumerated() {
            let heading = PageHeading(level: node.headingLevel, text: node.plainText, id: slugger.slug(for: node.plainText))
            // A first heading that repeats the title is the title: shown once, in the page's header.
            if index == 0, heading.text == title, Self.isFirstBlock(node) {
                titleID = heading.id
                node.remove()
                continue
            }
            headings.append(heading)
            let html = tree.html(of: node, allowRawHTML: allowsRawHTML)
            let open = "<h\(heading.level)>"
            node.replace(with: .customBlock(
                enter: "<h\(heading.level) id=\"\(heading.id.htmlEscaped)\">" + html.dropFirst(html.hasPrefix(open) ? open.count : 0)))
        }
        let toc = TableOfContents.html(for: headings, label: words.templateValues["contents"]!)
        for block in tocBlocks {
            block.replace(with: .customBlock(enter: toc))
        }

        // cmark-gfm's task list checkboxes have no name, which screen readers need.
        let body = tree.html(allowRawHTML: allowsRawHTML, replacingMarkersWith: inlineHTML)
            .replacingOccurrences(of: "<input type=\"checkbox\" ", with: "<input type=\"checkbox\" aria-label=\"\(words.taskName)\" ")
        return RenderedPage(sourcePath: document.path, frontMatter: document.frontMatter, title: title, body: body,
                            headings: headings, summary: summary, files: files, language: language,
                            titleID: titleID, problems: problems)
    }

    /// Turns a block quote whose first line is an alert marker (`[!NOTE]`) into GitHub's callout.
    private static func makeAlert(_ quote: MarkdownNode, words: InterfaceWords) {
        guard let paragraph = quote.children.first, paragraph.type == CMARK_NODE_PARAGRAPH else { return }
        let firstLine = paragraph.children.prefix { $0.type != CMARK_NODE_SOFTBREAK && $0.type != CMARK_NODE_LINEBREAK }
        guard firstLine.allSatisfy({ $0.type == CMARK_NODE_TEXT && $0.mathSpan == nil }),
              let alert = Alert(markerLine: firstLine.map(\.literal).joined()) else { return }
        let rest = paragraph.children.dropFirst(firstLine.count + 1)
        // GitHub shows a marker with nothing after it as the quote it is.
        guard !rest.isEmpty || quote.children.count > 1 else { return }
        paragraph.children.prefix(firstLine.count + 1).forEach { $0.remove() }
        if rest.isEmpty { paragraph.remove() }
        let callout = MarkdownNode.customBlock(enter: alert.openingHTML(words: words), exit: "</div>\n")
        callout.adoptChildren(of: quote)
        quote.replace(with: callout)
    }

    /// Whether `node` is the document's first block (nothing but blank lines and front matter before it).
    private static func isFirstBlock(_ node: MarkdownNode) -> Bool {
        node.parent?.type == CMARK_NODE_DOCUMENT && node.previous == nil
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
        // A symbolic link (the file's or a folder's on its path) may lead out of the folder, to a key
        // file say; the site gets the file's contents, so only files really inside the folder qualify.
        let realFolder = Self.realPath(folder.path), realSource = Self.realPath(source)
        guard realSource.hasPrefix(realFolder == "/" ? "/" : realFolder + "/") else {
            throw DocumentError(path: document.path, line: line,
                                message: "linked file '\(link.path)' is a symbolic link to \(realSource), outside the notebook's folder; "
                                    + "a site never carries files from outside it: copy the file into the folder")
        }
        node.url = link.path + link.suffix
        return LinkedFile(source: realSource, sitePath: link.path, notebookPath: document.path, line: line)
    }

    /// `path` with every symbolic link resolved (itself when it cannot be resolved).
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
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
