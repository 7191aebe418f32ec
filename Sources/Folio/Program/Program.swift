/// The Swift program that runs a notebook: one `main.swift` with the cells in order.
///
/// Each cell sits behind `#sourceLocation(file:line:)`, so compiler diagnostics and trap messages name
/// lines of the Markdown file, and after a runtime call that marks where its output starts (the
/// runtime reports that on a control channel, never in the output, so a cell cannot forge it).
/// A `should-fail` cell runs inside `__Folio.expectFailure`, a closure in a forked child, so later
/// cells neither see its declarations nor its effects. A cell whose last item is a value shows it.
/// A top-level statement that can throw reports its line first, for the message if its error escapes.
///
/// Locations use the notebook's file name, not the path it was opened by, so outputs that quote them
/// (a `compile-fail` cell's diagnostics, a `should-fail` cell's trap) read the same from any directory.
public struct Program: Hashable, Sendable {
    /// The file name the cells' locations are attributed to, e.g. `intro.md`.
    public var fileName: String
    /// The cells the program runs, in order.
    public var cells: [Cell]
    /// The text of `main.swift`.
    public var source: String
    /// The code Folio added inside the author's lines (the call that shows a cell's value), by notebook
    /// line, so that diagnostics can be told in the author's columns.
    private var insertions: [Int: AuthoredLine] = [:]

    /// Generates the program that runs `cells`, in order, after seeding
    /// the random generator with `seed`.
    public init(fileName: String, seed: UInt64, cells: [Cell]) {
        self.fileName = fileName
        self.cells = cells
        var source = "import Tensors\nimport FolioRuntime\n\n__Folio.start(seed: \(seed))\n"
        for cell in cells {
            source += "__Folio.beginCell(\(cell.index))\n"
            let display = LastExpression(in: cell.code)
            if cell.options.shouldFail {
                source += "__Folio.expectFailure(cell: \(cell.index)) { () throws -> Void in\n"
                source += Self.located(cell, display: display, in: fileName, markingThrows: false)
                source += "}\n"
            } else {
                source += Self.located(cell, display: display, in: fileName, markingThrows: true)
            }
            if let display { insertions.merge(display.insertions(in: cell), uniquingKeysWith: { $1 }) }
        }
        source += "__Folio.finish()\n"
        self.source = source
    }

    /// `diagnostic` as the author's code reads: a column moved back over the code Folio inserted in the
    /// line, and the quoted line the author's, with its markers under the same characters. The compiler
    /// saw generated code; no message shows it.
    func authored(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.file == fileName, let line = insertions[diagnostic.line] else { return diagnostic }
        var authored = diagnostic
        authored.column = line.authorColumn(diagnostic.column)
        if !authored.excerpt.isEmpty {
            authored.excerpt = [line.text] + authored.excerpt.dropFirst().map(line.removingInsertedColumns)
        }
        return authored
    }

    /// The cell whose code holds `line` of the Markdown file.
    public func cell(atLine line: Int) -> Cell? {
        cells.first { $0.codeLine <= line && line < $0.codeLine + max($0.lineCount, 1) }
    }

    /// The cell's code behind `#sourceLocation`, its `display` expression (if any) wrapped to show its
    /// value; with `markingThrows`, each statement that can throw is preceded by a marker on its own
    /// line and a directive that restores the line count.
    private static func located(_ cell: Cell, display: LastExpression?, in fileName: String, markingThrows: Bool) -> String {
        var code = display.map { $0.rewriting(cell.code) } ?? cell.code
        if !code.isEmpty && !code.hasSuffix("\n") { code += "\n" }
        let file = stringLiteral(fileName)
        if markingThrows {
            // The display rewrite keeps every line where it was, so the original's lines still apply.
            var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in ThrowingStatements.lines(in: cell.code).reversed() where line < lines.count {
                let notebookLine = cell.codeLine + line
                lines[line] = "__Folio.statement(line: \(notebookLine))\n#sourceLocation(file: \(file), line: \(notebookLine))\n"
                    + lines[line]
            }
            code = lines.joined(separator: "\n")
        }
        return "#sourceLocation(file: \(file), line: \(cell.codeLine))\n" + code + "#sourceLocation()\n"
    }

    private static func stringLiteral(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

extension Cell {
    /// Whether the cell is part of the notebook's program: `ignore` cells never are, and
    /// `compile-fail` cells are only type-checked on their own.
    var isCompiled: Bool { !options.ignore && !options.compileFail }

    /// The number of lines of code in the cell.
    var lineCount: Int {
        code.isEmpty ? 0 : code.split(separator: "\n", omittingEmptySubsequences: false).count
            - (code.hasSuffix("\n") ? 1 : 0)
    }
}

/// A line of a cell as the author wrote it, and where Folio inserted code into it in the program.
struct AuthoredLine: Hashable, Sendable {
    /// Text Folio added: `length` bytes starting at 1-based byte `column` of the generated line.
    struct Insertion: Hashable, Sendable {
        var column: Int
        var length: Int
    }

    /// The author's line.
    var text: String
    /// In the order of their columns.
    var insertions: [Insertion]

    /// The author's column for a column of the generated line; a column inside inserted text is the
    /// column of the author's code it was inserted before.
    func authorColumn(_ generated: Int) -> Int {
        var shift = 0
        for insertion in insertions {
            if generated >= insertion.column + insertion.length {
                shift += insertion.length
            } else if generated >= insertion.column {
                return insertion.column - shift
            }
        }
        return generated - shift
    }

    /// A line under the generated line (carets, ranges) with the columns of inserted text taken out.
    func removingInsertedColumns(_ line: String) -> String {
        var bytes = Array(line.utf8)
        for insertion in insertions.reversed() where insertion.column - 1 < bytes.count {
            bytes.removeSubrange((insertion.column - 1)..<min(insertion.column - 1 + insertion.length, bytes.count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
