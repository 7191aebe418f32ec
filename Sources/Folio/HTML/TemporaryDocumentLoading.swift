// TEMPORARY until the `document` branch merges: a minimal loader so that `render` works end to end.
// Delete this file after merging main (the real parser lives in Sources/Folio/Document/).
import Ccmark
import Foundation
import Yams

extension Document {
    public init(contentsOf path: String) throws(DocumentError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentError(path: path, line: nil, message: "cannot read the file")
        }
        try self.init(path: path, bytes: [UInt8](data))
    }

    public init(path: String, bytes: [UInt8]) throws(DocumentError) {
        var front = FrontMatter()
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
            front.range = 0..<text[..<end.upperBound].utf8.count
            if let map = (try? Yams.load(yaml: yaml)) as? [String: Any] {
                func string(_ key: String) -> String? { map[key].map { "\($0)" } }
                front.title = string("title"); front.date = string("date"); front.author = string("author")
                front.emoji = string("emoji")
                front.tags = string("tags")?.split(separator: " ").map(String.init) ?? []
                front.categories = string("categories")?.split(separator: " ").map(String.init) ?? []
                for (key, value) in map { front.fields[key] = "\(value)" }
            }
        }
        let tree = MarkdownTree(markdown: bytes[front.range.upperBound...],
                                lineOffset: bytes[..<front.range.upperBound].count(where: { $0 == 10 }))
        var cells: [Cell] = []
        var lastCellEnd: MarkdownNode?
        for node in tree.root.children {
            defer { if node.type != CMARK_NODE_CODE_BLOCK || !node.fenceInfo.hasPrefix("swift") { lastCellEnd = nil } }
            guard node.type == CMARK_NODE_CODE_BLOCK else { continue }
            let words = node.fenceInfo.split(separator: " ")
            if words.first == "swift" {
                let options: CellOptions
                do { options = try CellOptions(words: Array(words.dropFirst())) } catch {
                    throw DocumentError(path: path, line: tree.fileLine(of: node), message: "unknown cell option '\(error.word)'")
                }
                cells.append(Cell(index: cells.count, code: node.literal, options: options, fenceLine: tree.fileLine(of: node),
                                  codeLine: tree.fileLine(of: node) + 1, range: 0..<0, output: nil))
                lastCellEnd = node
            } else if words.first == "output", lastCellEnd != nil, !cells.isEmpty {
                cells[cells.count - 1].output = OutputBlock(text: node.literal, fenceLine: tree.fileLine(of: node), range: 0..<0)
            }
        }
        self.init(path: path, bytes: bytes, frontMatter: front, cells: cells)
    }
}
