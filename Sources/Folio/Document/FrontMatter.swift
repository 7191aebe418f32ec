import Foundation
import Yams

/// The YAML block between `---` lines at the top of a notebook.
///
/// The keys a blog post uses are typed; every other key is kept in `fields` and ignored.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var date: String?
    public var author: String?
    public var emoji: String?
    /// `tags: a b c` (space separated, as the seed post writes them) or a YAML list.
    public var tags: [String] = []
    public var categories: [String] = []
    /// Folio's `seed` key: the notebook's random seed.
    public var seed: UInt64?
    /// Every top-level key as its scalar text (lists joined by spaces), including the typed ones.
    public var fields: [String: String] = [:]
    /// UTF-8 byte range of the block including both `---` lines; empty at 0 when absent.
    public var range: Range<Int> = 0..<0

    public init() {}
}

extension FrontMatter {
    /// Finds and parses the front matter at the top of `bytes` (after an optional byte order mark).
    ///
    /// Like Jekyll and Quarto, front matter opens with a `---` line as the file's first line and closes
    /// with the next `---` (or `...`) line. A file whose first line is `---` with no closing line is an
    /// error rather than a thematic break, because that is almost always a front matter typo.
    init(locatedIn bytes: [UInt8], lines: LineTable, path: String) throws(DocumentError) {
        self.init()
        let bom = byteOrderMarkLength(bytes)
        guard Self.isDelimiter(bytes[bom..<lines.contentEnd(ofLine: 1)], closing: false) else { return }
        guard let closingLine = stride(from: 2, through: lines.count, by: 1).first(where: { line in
            Self.isDelimiter(bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)], closing: true)
        }) else {
            throw DocumentError(path: path, line: 1, message: "front matter opened by '---' is never closed by a '---' line")
        }
        range = 0..<lines.end(ofLine: closingLine)
        let yaml = String(decoding: bytes[lines.start(ofLine: 2)..<lines.start(ofLine: closingLine)], as: UTF8.self)
        try read(yaml: yaml, firstLine: 2, path: path)
    }

    /// A `---` line (or `...` when closing), with trailing spaces or tabs allowed.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        let trimmed = line.reversed().drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).reversed()
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }

    /// Fills the typed fields and `fields` from the YAML text that starts on file line `firstLine`.
    private mutating func read(yaml: String, firstLine: Int, path: String) throws(DocumentError) {
        let fileLine = { (mark: Mark?) in (mark?.line ?? 1) + firstLine - 1 }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DocumentError(path: path, line: Self.line(of: error, yaml: yaml).map { $0 + firstLine - 1 } ?? firstLine,
                                message: "front matter is not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw DocumentError(path: path, line: firstLine, message: "front matter is not valid YAML: \(error)")
        }
        guard let root else { return }
        guard case .mapping(let mapping) = root else {
            throw DocumentError(path: path, line: fileLine(root.mark), message: "front matter must be a YAML mapping of keys to values")
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw DocumentError(path: path, line: fileLine(keyNode.mark), message: "front matter keys must be plain text")
            }
            let key = keyScalar.string
            let line = fileLine(keyNode.mark)
            fields[key] = Self.text(of: value)
            switch key {
            case "title": title = try Self.scalarText(value, key: key, path: path, line: line)
            case "date": date = try Self.scalarText(value, key: key, path: path, line: line)
            case "author": author = try Self.scalarText(value, key: key, path: path, line: line)
            case "emoji": emoji = try Self.scalarText(value, key: key, path: path, line: line)
            case "tags": tags = Self.words(of: value)
            case "categories": categories = Self.words(of: value)
            case "seed":
                guard case .scalar(let scalar) = value, let number = UInt64(scalar.string) else {
                    throw DocumentError(path: path, line: line,
                                        message: "front matter 'seed' must be a non-negative integer, not '\(Self.text(of: value))'")
                }
                seed = number
            default: break
            }
        }
    }

    private static func scalarText(_ node: Node, key: String, path: String, line: Int) throws(DocumentError) -> String? {
        guard case .scalar(let scalar) = node else {
            throw DocumentError(path: path, line: line, message: "front matter '\(key)' must be text, not a list or mapping")
        }
        return node.null == nil ? scalar.string : nil
    }

    /// A list's items, or a scalar's space-separated words.
    private static func words(of node: Node) -> [String] {
        switch node {
        case .scalar: node.null == nil ? text(of: node).split(whereSeparator: \.isWhitespace).map(String.init) : []
        case .sequence(let items): items.map(text(of:))
        case .mapping, .alias: [text(of: node)]
        }
    }

    /// A node as one line of text: scalars as written, lists joined by spaces, mappings as YAML.
    private static func text(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string
        case .sequence(let items): items.map(text(of:)).joined(separator: " ")
        case .mapping, .alias:
            ((try? Yams.serialize(node: node)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// 1-based line within the YAML text where libYAML found the problem. A problem found at the end of
    /// the text (an unclosed bracket or quote) is reported where the unclosed construct started.
    private static func line(of error: YamlError, yaml: String) -> Int? {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            let lineCount = yaml.utf8.count(where: { $0 == UInt8(ascii: "\n") })
            return mark.line > lineCount ? context?.mark.line ?? mark.line : mark.line
        case .reader(_, let offset?, _, _):
            return yaml.utf8.prefix(offset).count(where: { $0 == UInt8(ascii: "\n") }) + 1
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            context.map { "\(problem) (\($0.text))" } ?? problem
        default: "\(error)"
        }
    }
}

/// Length of a UTF-8 byte order mark at the start of `bytes` (3), or 0. cmark skips it.
func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
}
