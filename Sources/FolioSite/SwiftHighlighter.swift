import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Colours Swift code at build time with swift-syntax's classifier, so pages need no JavaScript.
///
/// Each classified run becomes `<span class="tok-KIND">`; unclassified text is only escaped.
/// The classes are styled in the theme's `style.css`.
enum SwiftHighlighter {
    /// `code` as escaped HTML with highlighting spans (the content of a `<code>` element).
    static func html(for code: String) -> String {
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var html = ""
        html.reserveCapacity(bytes.count * 2)
        for run in tree.classifications {
            let text = String(decoding: bytes[run.range.lowerBound.utf8Offset..<run.range.upperBound.utf8Offset], as: UTF8.self).htmlEscaped
            if let name = className(run.kind) {
                html += "<span class=\"tok-\(name)\">\(text)</span>"
            } else {
                html += text
            }
        }
        return html
    }

    private static func className(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: return "keyword"
        case .type: return "type"
        case .stringLiteral, .regexLiteral: return "string"
        case .integerLiteral, .floatLiteral: return "number"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: return "comment"
        case .attribute: return "attribute"
        case .ifConfigDirective: return "directive"
        case .argumentLabel: return "label"
        case .operator: return "operator"
        case .dollarIdentifier, .editorPlaceholder: return "variable"
        case .identifier, .none: return nil
        }
    }
}
