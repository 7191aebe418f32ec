import Folio

/// The HTML that takes a code cell's place on a page: its highlighted code, then its output.
enum CellHTML {
    static func html(for cell: Cell, result: CellResult?) -> String {
        var html = "<div class=\"cell\">\n"
        if !cell.options.hideCode {
            html += "<pre class=\"code\"><code class=\"language-swift\">"
                + SwiftHighlighter.html(for: cell.code) + "</code></pre>\n"
        }
        if !cell.options.hideOutput, let result {
            html += outputHTML(result, expectsFailure: cell.options.shouldFail || cell.options.compileFail)
                + FigureHTML.html(for: result.figures)
        }
        return html + "</div>"
    }

    /// A result's output: printed text escaped, rich displays in place of the text they stand for,
    /// and an unexpected failure's message last unless the output already tells it (a compile error's
    /// diagnostics, a trap's message). Failures, expected or not, are styled as errors.
    private static func outputHTML(_ result: CellResult, expectsFailure: Bool) -> String {
        var failed = expectsFailure
        var failure: String?
        if case .failed(let message) = result.status {
            failed = true
            if !CellResult.reportsFailure(result.text) && !result.text.contains(what(message)) { failure = message }
        }
        guard !result.text.isEmpty || failure != nil else { return "" }

        var html = "<div class=\"output\(failed ? " error" : "")\">"
        html += printedHTML(result.text, displays: result.displays)
        if let failure {
            html += preformatted(failure, class: "error")
        }
        return html + "</div>\n"
    }

    /// What a failure message says, without its `file.md:LINE:COL: error:` location (the output names
    /// places relative to the cell): the part an output that tells the failure contains.
    private static func what(_ message: String) -> Substring {
        let firstLine = message.prefix { $0 != "\n" }
        return firstLine.range(of: ": error: ").map { firstLine[$0.upperBound...] } ?? firstLine
    }

    private static func printedHTML(_ text: String, displays: [CellResult.Display]) -> String {
        let bytes = Array(text.utf8)
        var html = ""
        var position = 0
        func appendText(upTo end: Int) {
            guard end > position else { return }
            html += preformatted(String(decoding: bytes[position..<end], as: UTF8.self))
        }
        for display in displays.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where display.range.lowerBound >= position && display.range.upperBound <= bytes.count {
            appendText(upTo: display.range.lowerBound)
            html += "<div class=\"display\">\(display.html)</div>"
            position = display.range.upperBound
        }
        appendText(upTo: bytes.count)
        return html
    }

    /// `text` as a terminal shows it (`terminalHTML`), in a `<pre>`. HTML drops a newline right
    /// after `<pre>`, so a leading one is doubled.
    private static func preformatted(_ text: String, class name: String? = nil) -> String {
        let open = name.map { "<pre class=\"\($0)\">" } ?? "<pre>"
        let shown = text.terminalHTML
        return open + (shown.hasPrefix("\n") ? "\n" : "") + shown + "</pre>"
    }
}
