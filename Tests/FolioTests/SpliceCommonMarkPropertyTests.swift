import Ccmark
import Folio
import XCTest

/// Splices outputs into documents built from every example of the CommonMark 0.30 spec, with cells
/// before the example, inside its last container (list item, block quote) when it has one, and after it.
final class SpliceCommonMarkPropertyTests: XCTestCase {
    static let examples = specExamples(in: "commonmark-spec-0.30")
    /// The GitHub-flavoured Markdown spec's examples and cmark-gfm's extension examples.
    static let gfmExamples = specExamples(in: "gfm-spec-0.29")
    static let extensionExamples = specExamples(in: "gfm-extensions")

    /// The Markdown of each example of a spec file in cmark's format (`→` stands for a tab).
    static func specExamples(in name: String) -> [String] {
        let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "txt")!
        let spec = try! String(contentsOf: url, encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        var inMarkdown = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(String(repeating: "`", count: 32) + " example") {
                current = []
                inMarkdown = true
            } else if current != nil, inMarkdown, line == "." {
                inMarkdown = false
            } else if current != nil, inMarkdown {
                current!.append(line)
            } else if let lines = current, line == String(repeating: "`", count: 32) {
                examples.append(lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t"))
                current = nil
            }
        }
        return examples
    }

    func testSpecHasAllExamples() {
        XCTAssertEqual(Self.examples.count, 652)
        XCTAssertEqual(Self.examples[0], "\tfoo\tbaz\t\tbim\n")
        XCTAssertEqual(Self.gfmExamples.count, 673)
        XCTAssertEqual(Self.extensionExamples.count, 28)
    }

    func testSplicingAroundAndInsideEveryExampleChangesOnlyOutputBlocks() throws {
        try checkSplicing(Self.examples)
    }

    func testSplicingAroundAndInsideEveryGitHubExampleChangesOnlyOutputBlocks() throws {
        try checkSplicing(Self.gfmExamples + Self.extensionExamples)
    }

    /// Splices outputs before, inside and after each example: only output blocks change, and a
    /// second splice changes nothing (see `spliceViolation`).
    private func checkSplicing(_ examples: [String]) throws {
        var documents = 0, cells = 0
        var examplesWith: [cmark_node_type: Int] = [:], cellsInside: [cmark_node_type: Int] = [:]
        for (number, example) in examples.enumerated() {
            var variants = ["```swift\nbefore()\n```\n\n" + example + "\n```swift\nafter()\n```\n",
                            example + "\n~~~swift\nafter()\n~~~"]
            for kind in [CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE] where Self.containers(of: kind, in: example).count > 0 {
                examplesWith[kind, default: 0] += 1
                if let inside = Self.insertingCell(into: kind, of: example) {
                    variants.append("```swift\nbefore()\n```\n\n" + inside)
                    cellsInside[kind, default: 0] += 1
                }
            }
            for (variantNumber, variant) in variants.enumerated() {
                for text in [variant, variant.replacingOccurrences(of: "\n", with: "\r\n")] {
                    let name = "example-\(number + 1)-\(variantNumber).md"
                    guard let document = try? Document(path: name, bytes: Array(text.utf8)) else {
                        // An example that starts with a `---` line reads as (unclosed or non-mapping) front matter.
                        if !text.hasPrefix("---") { XCTFail("\(name) does not parse:\n\(text)") }
                        continue
                    }
                    var outputs: [Int: String] = [:], replacements: [Int: String] = [:]
                    for cell in document.cells {
                        outputs[cell.index] = trickyOutputs[(number + cell.index) % trickyOutputs.count]
                        replacements[cell.index] = cell.index % 2 == 0 ? "" : trickyOutputs[(number + 5) % trickyOutputs.count]
                    }
                    XCTAssertEqual(document.cleaned(), document.bytes, name)
                    if let violation = spliceViolation(in: document, outputs: outputs, replacements: replacements) {
                        XCTFail("\(name): \(violation)\n\(text)")
                    }
                    documents += 1
                    cells += document.cells.count
                }
            }
        }
        XCTAssertGreaterThan(cells, documents, "most documents hold more than one cell")
        for kind in [CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE] {
            let have = examplesWith[kind] ?? 0, inside = cellsInside[kind] ?? 0
            let name = kind == CMARK_NODE_ITEM ? "list item" : "block quote"
            XCTAssertGreaterThanOrEqual(Double(inside), 0.9 * Double(have), "\(inside) of \(have) examples with a \(name) got a cell inside one")
        }
    }

    /// The example with a cell inserted inside one of its containers of `kind` (list item or block
    /// quote), or nil when no insertion lands there.
    ///
    /// Candidates: after each such container's last line, continuing the containers of that line or of
    /// the container's first line (list markers turned into spaces), with or without a blank line first.
    static func insertingCell(into kind: cmark_node_type, of example: String) -> String? {
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (startLine, endLine) in containers(of: kind, in: example) where endLine <= lines.count {
            let before = lines.prefix(endLine).map { $0 + "\n" }.joined()
            let after = lines.dropFirst(endLine).map { $0 + "\n" }.joined()
            let lastLine = lines[endLine - 1], firstLine = lines[startLine - 1]
            let prefixes = [continuationPrefix(of: lastLine), String(lastLine.prefix { $0 == " " || $0 == "\t" || $0 == ">" }),
                            continuationPrefix(of: firstLine)]
            for prefix in prefixes {
                let blank = String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
                for separator in ["", blank + "\n"] {
                    let candidate = before + separator + prefix + "```swift\n" + prefix + "inside()\n" + prefix + "```\n" + after
                    if containerKinds(aroundCell: "inside()\n", in: candidate).contains(kind) { return candidate }
                }
            }
        }
        return nil
    }

    /// The first and last lines of each node of `kind` in `markdown`, in document order.
    static func containers(of kind: cmark_node_type, in markdown: String) -> [(startLine: Int, endLine: Int)] {
        var found: [(Int, Int)] = []
        walk(markdown) { node in
            if cmark_node_get_type(node) == kind {
                found.append((Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node))))
            }
        }
        return found
    }

    /// The node types of the containers around the cell with `code`, or none when it is not a cell.
    private static func containerKinds(aroundCell code: String, in markdown: String) -> Set<cmark_node_type> {
        guard let document = try? Document(path: "candidate.md", bytes: Array(markdown.utf8)),
              let cell = document.cells.first(where: { $0.code == code }) else { return [] }
        var kinds = Set<cmark_node_type>()
        walk(markdown) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, Int(cmark_node_get_start_line(node)) == cell.fenceLine else { return }
            var parent = cmark_node_parent(node)
            while let container = parent {
                kinds.insert(cmark_node_get_type(container))
                parent = cmark_node_parent(container)
            }
        }
        return kinds
    }

    private static func walk(_ markdown: String, _ visit: (OpaquePointer) -> Void) {
        let root = GitHubMarkdown.parse(Array(markdown.utf8))
        defer { cmark_node_free(root) }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The prefix that continues the containers a line opens: `>` kept, list markers turned into spaces.
    private static func continuationPrefix(of line: Substring) -> String {
        var prefix = ""
        var rest = line[...]
        while true {
            let indentation = rest.prefix { $0 == " " || $0 == "\t" }
            rest = rest.dropFirst(indentation.count)
            prefix += indentation
            if rest.first == ">" {
                prefix += ">"
                rest = rest.dropFirst()
                continue
            }
            let digits = rest.prefix(while: \.isASCIIDigit)
            let marker: Substring
            if ["-", "+", "*"].contains(rest.first) {
                marker = rest.prefix(1)
            } else if (1...9).contains(digits.count), [".", ")"].contains(rest.dropFirst(digits.count).first) {
                marker = rest.prefix(digits.count + 1)
            } else {
                return prefix
            }
            guard let after = rest.dropFirst(marker.count).first, after == " " || after == "\t" else { return prefix }
            prefix += String(repeating: " ", count: marker.count)
            rest = rest.dropFirst(marker.count)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
