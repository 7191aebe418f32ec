import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// A cell parsed on its own, as the complete unit a notebook's cell must be.
///
/// The program puts all cells in one file, where a bracket, brace, string or comment a cell leaves
/// open would swallow the next cell's code, and a syntax error on a cell's last line would be reported
/// at generated code. Parsing each cell alone finds both at the author's line and column, before the
/// compiler sees anything.
struct CellSyntax {
    let cell: Cell
    let tree: SourceFileSyntax
    private let converter: SourceLocationConverter

    init(_ cell: Cell) {
        self.cell = cell
        tree = Parser.parse(source: cell.code)
        converter = SourceLocationConverter(fileName: "", tree: tree)
    }

    /// The cell's syntax errors, located in the notebook file `fileName`; empty when it parses.
    /// An opening token left unclosed is reported where it opens.
    func errors(fileName: String) -> [Diagnostic] {
        guard tree.hasError else { return [] }
        return ParseDiagnosticsGenerator.diagnostics(for: tree).map { found in
            if let opening = found.notes.first(where: { $0.message.hasPrefix("to match this opening") }),
               let token = opening.node.as(TokenSyntax.self) {
                return diagnostic(at: opening.position, fileName: fileName,
                                  message: "'\(token.text)' is never closed in this cell (\(found.message)); "
                                      + "a cell must close its brackets, braces, strings and comments")
            }
            return diagnostic(at: found.position, fileName: fileName, message: Self.unclosedMessage(found.message))
        }
    }

    /// An error at `position` of the cell's code, located in the notebook, with the author's line and a caret.
    /// A position in the blank space that ends the cell after its last token (where a missing expression
    /// at its end is reported) is moved back to just after that token, so that the error stays on the author's line.
    func diagnostic(at position: AbsolutePosition, fileName: String, message: String) -> Diagnostic {
        var position = position
        if let lastTokenEnd = tree.endOfFileToken.previousToken(viewMode: .sourceAccurate)?.endPositionBeforeTrailingTrivia,
           lastTokenEnd < position,
           Array(cell.code.utf8)[lastTokenEnd.utf8Offset...]
               .allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
            position = lastTokenEnd
        }
        let location = converter.location(for: position)
        return Diagnostic(authoredIn: cell, fileName: fileName, line: cell.codeLine + location.line - 1,
                          column: location.column, message: message)
    }

    /// Unterminated strings and comments say so themselves; the rule they break is added.
    private static func unclosedMessage(_ message: String) -> String {
        message.hasPrefix("unterminated") ? message + "; a cell must close its strings and comments" : message
    }
}

extension Diagnostic {
    /// An error Folio found in `cell` at notebook `line` and `column`, quoting the author's line with a
    /// caret under the column, as the compiler would.
    init(authoredIn cell: Cell, fileName: String, line: Int, column: Int, message: String) {
        let codeLines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        let index = line - cell.codeLine
        let source = codeLines.indices.contains(index) ? String(codeLines[index]) : ""
        self.init(file: fileName, line: line, column: column, severity: .error, message: message,
                  excerpt: [source, Self.caret(under: column, of: source)])
    }

    /// Spaces (tabs where the line has tabs) up to `column`, a byte column of `line`, then `^`.
    static func caret(under column: Int, of line: String) -> String {
        let before = String(decoding: Array(line.utf8).prefix(max(column - 1, 0)), as: UTF8.self)
        return String(before.map { $0 == "\t" ? "\t" : " " }) + "^"
    }
}
