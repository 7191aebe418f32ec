import Ccmark
import Foundation

/// The Markdown dialect of a notebook, GitHub-flavoured Markdown, parsed by cmark-gfm: CommonMark
/// plus GitHub's extensions (tables, strikethrough, autolinks, task lists), footnotes, and math
/// spans (`MathSyntax`).
///
/// Splicing and rendering both parse through here, so they always agree on where every block is.
public enum GitHubMarkdown {
    private static let parsing = NSLock()

    /// The core extensions a notebook is parsed with.
    private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "autolink", "tasklist"]
        return names.map { cmark_find_syntax_extension($0)! }
    }()

    /// Parses `markdown` with source positions; the caller frees the returned document node
    /// with `cmark_node_free`.
    ///
    /// One parse at a time: cmark-gfm marks its extensions' characters (`$`, `~`, ...) as special in
    /// a process-wide table while a parser reads inlines, and unmarks them when it is done, so two
    /// parsers at once would read each other's documents wrongly.
    public static func parse(_ markdown: [UInt8]) -> OpaquePointer {
        parsing.lock()
        defer { parsing.unlock() }
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for extensionPointer in extensions + [MathSyntax.shared.extensionPointer] {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        markdown.withUnsafeBytes { raw in
            if let base = raw.baseAddress { cmark_parser_feed(parser, base.assumingMemoryBound(to: CChar.self), raw.count) }
        }
        return cmark_parser_finish(parser)!
    }

    /// The formula of a `$...$` or `$$...$$` node, or nil when `node` is not one.
    public static func mathSpan(of node: OpaquePointer) -> MathSpan? {
        MathSyntax.shared.span(of: node)
    }
}
