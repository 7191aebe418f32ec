import Ccmark
import Folio
import XCTest

/// The promises of `Document.splicing` checked on one document, for property tests: returns a
/// description of the first broken promise, or nil.
///
/// Outputs read back exactly, cells without an entry keep their block, bytes outside output blocks are
/// unchanged (and, in a document that had no output blocks, render the same HTML), a second splice
/// changes nothing, and cleaning gives what cleaning the input gives.
func spliceViolation(in original: Document, outputs: [Int: String], replacements: [Int: String]) -> String? {
    let spliced = original.splicing(outputs)
    let reparsed: Document
    do {
        reparsed = try Document(path: original.path, bytes: spliced)
    } catch {
        return "spliced document does not parse: \(error)"
    }
    guard reparsed.cells.map(\.code) == original.cells.map(\.code) else { return "cells changed" }
    if let wrong = wrongOutput(in: reparsed, expected: { outputs[$0].map(OutputBlock.normalizedText) ?? original.cells[$0].output?.text }) {
        return wrong
    }
    guard bytesOutsideOutputBlocks(reparsed) == bytesOutsideOutputBlocks(original) else { return "bytes outside output blocks changed" }
    // Blocks written into a document that had none leave the author's Markdown rendering as it did.
    // (Removing a block that came with a blank line may make a loose list tight again, as it was written.)
    let hadNoOutputs = original.cells.allSatisfy { $0.output == nil }
    guard !hadNoOutputs || htmlWithoutOutputBlocks(spliced) == htmlWithoutOutputBlocks(original.bytes) else {
        return "the author's Markdown renders differently (e.g. a tight list made loose)"
    }
    guard reparsed.splicing(outputs) == spliced else { return "a second splice changed the bytes" }
    guard reparsed.cleaned() == original.cleaned() else { return "cleaned() differs from cleaning the input" }

    // Replacing and removing the blocks just written keeps the same promises.
    let replaced: Document
    do {
        replaced = try Document(path: original.path, bytes: reparsed.splicing(replacements))
    } catch {
        return "document with replaced outputs does not parse: \(error)"
    }
    if let wrong = wrongOutput(in: replaced, expected: { replacements[$0].map(OutputBlock.normalizedText) ?? reparsed.cells[$0].output?.text }) {
        return "after replacing: " + wrong
    }
    guard bytesOutsideOutputBlocks(replaced) == bytesOutsideOutputBlocks(original) else { return "replacing changed bytes outside output blocks" }
    guard !hadNoOutputs || htmlWithoutOutputBlocks(replaced.bytes) == htmlWithoutOutputBlocks(original.bytes) else {
        return "after replacing, the author's Markdown renders differently"
    }
    guard replaced.cleaned() == original.cleaned() else { return "cleaned() after replacing differs from cleaning the input" }
    return nil
}

private func wrongOutput(in document: Document, expected: (Int) -> String?) -> String? {
    for cell in document.cells where (cell.output?.text ?? "") != (expected(cell.index) ?? "") {
        return "cell \(cell.index) reads back \(String(reflecting: cell.output?.text)), expected \(String(reflecting: expected(cell.index)))"
    }
    return nil
}

/// cmark's HTML for `markdown` with every output block's `<pre>` cut out: what the author wrote, as rendered.
func htmlWithoutOutputBlocks(_ markdown: [UInt8]) -> String {
    let root = GitHubMarkdown.parse(markdown)
    defer { cmark_node_free(root) }
    let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, nil)!
    defer { free(rendered) }
    let html = String(cString: rendered)
    // Output text is escaped, so the first `</code></pre>` ends the block.
    return html.replacingOccurrences(of: #"<pre><code class="language-output">[\s\S]*?</code></pre>\n"#, with: "",
                                     options: .regularExpression)
}

/// The document's bytes with every output block's range cut out.
func bytesOutsideOutputBlocks(_ document: Document) -> [UInt8] {
    var outside: [UInt8] = []
    var copied = 0
    for range in document.cells.compactMap(\.output?.range) {
        outside += document.bytes[copied..<range.lowerBound]
        copied = range.upperBound
    }
    return outside + document.bytes[copied...]
}

/// Output texts that stress the splicer: fences, Markdown and HTML look-alikes, blank and indented lines.
let trickyOutputs: [String] = [
    "1\n",
    "(1, 3, 100)\n[[2 3 0 1 4]]\n",
    "no final newline",
    "```\nthree backticks\n```\n",
    "  ````swift\n~~~\n",
    "\n\nleading blank lines\n",
    "\tTab first\n    four spaces\n",
    "> not a quote\n- not a list\n1. nor this\n",
    "<div>\n<script>alert(1)</script>\n<!-- unclosed comment\n",
    "---\n# not a heading\n===\n",
    "trailing spaces   \n\n\n",
    "```output\nnested marker\n```\n",
    "windows\r\nline\rendings\r\n",
    "한국어 출력 🧠\n",
]

/// A small deterministic generator (SplitMix64), so generated documents are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
