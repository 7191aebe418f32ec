import SwiftParser
import SwiftSyntax

/// The top-level statements of a cell that can let an error escape, so the program can mark where
/// each starts: Swift's message for an error thrown at the top level names no line.
///
/// A statement can throw when it holds a plain `try` (not `try?` or `try!`); declarations of
/// functions and types only declare code that runs elsewhere. Only statements that begin their
/// line are listed, so that a marker can go on a line of its own.
enum ThrowingStatements {
    /// The 0-based lines of `code` on which such a statement begins, in order.
    static func lines(in code: String) -> [Int] {
        let file = Parser.parse(source: code)
        guard !file.hasError else { return [] }
        let converter = SourceLocationConverter(fileName: "", tree: file)
        let bytes = Array(code.utf8)
        return file.statements.compactMap { statement -> Int? in
            if let declaration = statement.item.as(DeclSyntax.self), !declaration.is(VariableDeclSyntax.self) { return nil }
            guard containsPlainTry(statement) else { return nil }
            let start = statement.positionAfterSkippingLeadingTrivia
            let lineStart = bytes[..<start.utf8Offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            guard bytes[lineStart..<start.utf8Offset].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
                return nil
            }
            return converter.location(for: start).line - 1
        }
    }

    private static func containsPlainTry(_ node: some SyntaxProtocol) -> Bool {
        node.tokens(viewMode: .sourceAccurate).contains { token in
            guard token.tokenKind == .keyword(.try), let next = token.nextToken(viewMode: .sourceAccurate) else { return false }
            return next.tokenKind != .postfixQuestionMark && next.tokenKind != .exclamationMark
        }
    }
}
