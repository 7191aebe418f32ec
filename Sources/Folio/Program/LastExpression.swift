import SwiftParser
import SwiftSyntax

/// The value a cell shows, like Jupyter's `Out[n]`: the cell's last top-level item when it is an
/// expression worth showing.
///
/// Types are unknown at this stage, so the rewrite wraps the expression in `__Folio.display(...)`,
/// whose `Void` overload shows nothing for calls like `layer.reset()`. Items that are plainly not a
/// value to show are left alone: declarations, statements, assignments (`x = 1`, `x += 1`, `_ = f()`),
/// `if`/`switch` expressions, closures, `nil`, and calls to `print`, `dump`, `fatalError` and the like.
struct LastExpression {
    /// Functions whose call is an action, never a value to show (`dump` returns its argument).
    static let actionFunctions: Set<String> = [
        "print", "debugPrint", "dump", "show", "fatalError",
        "precondition", "preconditionFailure", "assert", "assertionFailure",
    ]

    /// UTF-8 byte range of the expression inside the cell's code.
    var range: Range<Int>
    /// Whether the expression is `try <expr>`: the wrapper then goes inside the `try`.
    var innerRange: Range<Int>?

    /// Finds the expression to show in `code`, or nil when the cell shows nothing.
    init?(in code: String) {
        let file = Parser.parse(source: code)
        guard !file.hasError, let last = file.statements.last,
              let expression = last.item.as(ExprSyntax.self) else { return nil }
        var shown = expression
        if let tryExpression = expression.as(TryExprSyntax.self), tryExpression.questionOrExclamationMark == nil {
            shown = tryExpression.expression
            innerRange = Self.byteRange(of: shown)
        }
        guard Self.isValue(shown) else { return nil }
        range = Self.byteRange(of: expression)
    }

    private static let opening = "__Folio.display(", closing = ")"

    /// `code` with the expression wrapped in the runtime's display call.
    func rewriting(_ code: String) -> String {
        var bytes = Array(code.utf8)
        let wrapped = innerRange ?? range
        bytes.insert(contentsOf: Array(Self.closing.utf8), at: wrapped.upperBound)
        bytes.insert(contentsOf: Array(Self.opening.utf8), at: wrapped.lowerBound)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where `rewriting(cell.code)` inserts code, by notebook line (the rewrite adds no line).
    func insertions(in cell: Cell) -> [Int: AuthoredLine] {
        let bytes = Array(cell.code.utf8)
        let wrapped = innerRange ?? range
        var lines: [Int: AuthoredLine] = [:]
        var added = 0
        for (offset, text) in [(wrapped.lowerBound, Self.opening), (wrapped.upperBound, Self.closing)] {
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let line = cell.codeLine + bytes[..<offset].filter { $0 == UInt8(ascii: "\n") }.count
            let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var authored = lines[line] ?? AuthoredLine(text: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self), insertions: [])
            // A second insertion on the same line sits after the first one's text.
            let shift = authored.insertions.isEmpty ? 0 : added
            authored.insertions.append(.init(column: offset - lineStart + 1 + shift, length: text.utf8.count))
            added = text.utf8.count
            lines[line] = authored
        }
        return lines
    }

    private static func byteRange(of node: some SyntaxProtocol) -> Range<Int> {
        node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset
    }

    private static func isValue(_ expression: ExprSyntax) -> Bool {
        if let sequence = expression.as(SequenceExprSyntax.self) {
            return !sequence.elements.contains(where: isAssignmentOperator)
        }
        if let call = expression.as(FunctionCallExprSyntax.self),
           let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            return !actionFunctions.contains(callee.baseName.text)
        }
        return !(expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self) || expression.is(NilLiteralExprSyntax.self)
            || expression.is(ClosureExprSyntax.self) || expression.is(AssignmentExprSyntax.self))
    }

    private static func isAssignmentOperator(_ element: ExprSyntax) -> Bool {
        if element.is(AssignmentExprSyntax.self) { return true }
        guard let binary = element.as(BinaryOperatorExprSyntax.self) else { return false }
        let name = binary.operator.text
        let comparisons: Set<String> = ["==", "!=", "<=", ">=", "===", "!=="]
        return name.hasSuffix("=") && !comparisons.contains(name)
    }
}
