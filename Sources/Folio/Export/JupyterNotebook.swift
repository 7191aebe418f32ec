import Ccmark
import Foundation

/// A Folio notebook as a Jupyter notebook (nbformat 4.5): `folio export --to ipynb`.
///
/// Each stretch of prose becomes a markdown cell and each code cell a code cell, numbered in
/// order (`ignore` cells stay unnumbered and without outputs). Outputs come from the notebook's
/// ```` ```output ```` blocks, or from `results` when the notebook was just run, which also gives
/// rich displays as `display_data` with `text/html`. A cell's figures follow its output as
/// `display_data` with `image/svg+xml`. The output of a `compile-fail` or
/// `should-fail` cell, and a failure, become `error` outputs. Front matter becomes notebook
/// metadata (`title`, `authors`, and every key under `folio.front_matter`); cell options become
/// Jupyter's cell metadata (`source_hidden`, `outputs_hidden`, the `raises-exception` tag). Math
/// stays as written, `$...$` and `$$...$$`, which Jupyter typesets; a ```` ```math ```` block at the
/// top level becomes `$$...$$`, Jupyter's form of the same display math.
public struct JupyterNotebook: Sendable {
    public let document: Document
    /// One per cell of `document`, or nil to use the stored output blocks.
    public let results: [CellResult]?

    public init(document: Document, results: [CellResult]? = nil) {
        precondition(results == nil || results!.count == document.cells.count,
                     "JupyterNotebook: \(document.path) has \(document.cells.count) cells but \(results!.count) results")
        self.document = document
        self.results = results
    }

    /// The `.ipynb` file's bytes: sorted keys, so the same notebook always gives the same bytes.
    public func fileContents() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(json) + Data("\n".utf8)
    }

    public var json: JSONValue {
        .object([
            "cells": .array(cells),
            "metadata": metadata,
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
    }

    private var metadata: JSONValue {
        var metadata: [String: JSONValue] = [
            "kernelspec": .object(["name": .string("swift"), "display_name": .string("Swift"), "language": .string("swift")]),
            "language_info": .object(["name": .string("swift"), "file_extension": .string(".swift"), "mimetype": .string("text/x-swift")]),
        ]
        let frontMatter = document.frontMatter
        if let title = frontMatter.title { metadata["title"] = .string(title) }
        if let author = frontMatter.author { metadata["authors"] = .array([.object(["name": .string(author)])]) }
        if !frontMatter.fields.isEmpty {
            metadata["folio"] = .object(["front_matter": .object(frontMatter.fields.mapValues(JSONValue.string))])
        }
        return .object(metadata)
    }

    private var cells: [JSONValue] {
        let mathBlocks = topLevelMathBlocks
        var cells: [JSONValue] = []
        var proseStart = document.frontMatter.range.upperBound
        var executionCount = 0
        for cell in document.cells {
            appendMarkdown(proseStart..<cell.range.lowerBound, mathBlocks: mathBlocks, to: &cells)
            proseStart = document.figureLines(of: cell)?.range.upperBound ?? cell.output?.range.upperBound ?? cell.range.upperBound
            let result = results?[cell.index]
            let executed = !cell.options.ignore && result?.status != .notRun
            if executed { executionCount += 1 }
            cells.append(codeCell(cell, result: result, executionCount: executed ? executionCount : nil, id: cells.count))
        }
        appendMarkdown(proseStart..<document.bytes.count, mathBlocks: mathBlocks, to: &cells)
        return cells
    }

    private func appendMarkdown(_ range: Range<Int>, mathBlocks: [(range: Range<Int>, tex: String)], to cells: inout [JSONValue]) {
        var bytes: [UInt8] = []
        var copied = range.lowerBound
        for block in mathBlocks where range.contains(block.range.lowerBound) && block.range.upperBound <= range.upperBound {
            bytes += document.bytes[copied..<block.range.lowerBound] + Array("$$\n\(block.tex)$$".utf8)
            copied = block.range.upperBound
        }
        bytes += document.bytes[copied..<range.upperBound]
        let text = Self.trimmingBlankLines(String(decoding: bytes, as: UTF8.self))
        guard !text.isEmpty else { return }
        cells.append(.object([
            "cell_type": .string("markdown"),
            "id": .string(Self.cellID(cells.count)),
            "metadata": .object([:]),
            "source": Self.multiline(text),
        ]))
    }

    /// The top-level ```` ```math ```` blocks: their bytes, from the opening fence to the end of the
    /// closing one, and their TeX.
    private var topLevelMathBlocks: [(range: Range<Int>, tex: String)] {
        guard document.markdown.firstRange(of: Array("math".utf8)) != nil else { return [] }
        let root = GitHubMarkdown.parse(document.markdown)
        defer { cmark_node_free(root) }
        var blocks: [(range: Range<Int>, tex: String)] = []
        var node = cmark_node_first_child(root)
        while let block = node {
            node = cmark_node_next(block)
            guard cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK,
                  let info = cmark_node_get_fence_info(block).map({ String(cString: $0) }),
                  info.split(whereSeparator: \.isWhitespace).first == "math" else { continue }
            let start = document.lines.start(ofLine: Int(cmark_node_get_start_line(block))) + Int(cmark_node_get_start_column(block)) - 1
            let end = document.lines.contentEnd(ofLine: Int(cmark_node_get_end_line(block)))
            blocks.append((start..<end, cmark_node_get_literal(block).map { String(cString: $0) } ?? ""))
        }
        return blocks
    }

    private func codeCell(_ cell: Cell, result: CellResult?, executionCount: Int?, id: Int) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        var jupyter: [String: JSONValue] = [:]
        if cell.options.hideCode { jupyter["source_hidden"] = .bool(true) }
        if cell.options.hideOutput { jupyter["outputs_hidden"] = .bool(true) }
        if !jupyter.isEmpty { metadata["jupyter"] = .object(jupyter) }
        if cell.options.shouldFail || cell.options.compileFail { metadata["tags"] = .array([.string("raises-exception")]) }
        let words = Self.infoWords(cell.options)
        if !words.isEmpty { metadata["folio"] = .object(["options": .array(words.map(JSONValue.string))]) }
        var code = cell.code
        if code.hasSuffix("\n") { code.removeLast() }
        return .object([
            "cell_type": .string("code"),
            "execution_count": executionCount.map(JSONValue.int) ?? .null,
            "id": .string(Self.cellID(id)),
            "metadata": .object(metadata),
            "outputs": .array(executionCount == nil ? [] : outputs(of: cell, result: result) + figureOutputs(of: cell, result: result)),
            "source": Self.multiline(code),
        ])
    }

    private func outputs(of cell: Cell, result: CellResult?) -> [JSONValue] {
        let expectsFailure = cell.options.shouldFail || cell.options.compileFail
        guard let result else {
            guard let text = cell.output?.text, !text.isEmpty else { return [] }
            return [expectsFailure ? Self.error(text, cell: cell) : Self.stream(text)]
        }
        switch result.status {
        case .notRun:
            return []
        case .ok where expectsFailure:
            return result.text.isEmpty ? [] : [Self.error(result.text, cell: cell)]
        case .ok:
            return Self.printed(result)
        case .failed(let message):
            return Self.printed(result) + [Self.error(message, cell: cell)]
        }
    }

    /// The cell's figures (the run's, or those stored next to the notebook) as `image/svg+xml` displays.
    private func figureOutputs(of cell: Cell, result: CellResult?) -> [JSONValue] {
        let figures = result?.figures ?? document.storedFigures(of: cell).compactMap { $0 }
        return figures.map { figure in
            .object([
                "output_type": .string("display_data"),
                "data": .object([
                    "image/svg+xml": Self.multiline(figure.svg),
                    "text/plain": Self.multiline(figure.description),
                ]),
                "metadata": .object([:]),
            ])
        }
    }

    /// What a cell printed: stream text, with each rich display as `display_data` in its place.
    private static func printed(_ result: CellResult) -> [JSONValue] {
        let bytes = Array(result.text.utf8)
        var outputs: [JSONValue] = []
        var offset = 0
        for display in result.displays.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where display.range.lowerBound >= offset && display.range.upperBound <= bytes.count {
            if display.range.lowerBound > offset {
                outputs.append(stream(String(decoding: bytes[offset..<display.range.lowerBound], as: UTF8.self)))
            }
            outputs.append(.object([
                "output_type": .string("display_data"),
                "data": .object([
                    "text/html": multiline(display.html),
                    "text/plain": multiline(String(decoding: bytes[display.range], as: UTF8.self)),
                ]),
                "metadata": .object([:]),
            ]))
            offset = display.range.upperBound
        }
        if offset < bytes.count {
            outputs.append(stream(String(decoding: bytes[offset...], as: UTF8.self)))
        }
        return outputs
    }

    private static func stream(_ text: String) -> JSONValue {
        .object(["output_type": .string("stream"), "name": .string("stdout"), "text": multiline(text)])
    }

    /// Jupyter shows an error as `ename: evalue` over its traceback lines.
    private static func error(_ text: String, cell: Cell) -> JSONValue {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return .object([
            "output_type": .string("error"),
            "ename": .string(cell.options.compileFail ? "CompileError" : "RuntimeError"),
            "evalue": .string(lines.first { !$0.isEmpty } ?? ""),
            "traceback": .array((lines.last == "" ? lines.dropLast() : lines[...]).map(JSONValue.string)),
        ])
    }

    /// nbformat's multiline string: a list of lines, each but the last ending in `\n`.
    private static func multiline(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var line = ""
        for character in text {
            line.append(character)
            if character == "\n" {
                lines.append(.string(line))
                line = ""
            }
        }
        if !line.isEmpty { lines.append(.string(line)) }
        return .array(lines)
    }

    /// The cell's options as written after `swift`, so they survive the trip through Jupyter.
    private static func infoWords(_ options: CellOptions) -> [String] {
        var words: [String] = []
        if options.ignore { words.append("ignore") }
        if options.compileFail { words.append("compile-fail") }
        if options.shouldFail { words.append("should-fail") }
        if options.hideCode { words.append("hide-code") }
        if options.hideOutput { words.append("hide-output") }
        if let timeout = options.timeout { words.append("timeout=\(timeout)") }
        return words
    }

    /// Cell ids must be unique and stable: their position is both.
    private static func cellID(_ position: Int) -> String { "cell-\(position)" }

    private static func trimmingBlankLines(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let isBlank: (Substring) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return lines[first...last].joined(separator: "\n")
    }
}
