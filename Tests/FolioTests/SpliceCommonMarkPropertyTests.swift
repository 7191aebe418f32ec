import Ccmark
import Folio
import XCTest

/// Splices outputs into documents built from every example of the CommonMark 0.30 spec, with cells
/// before the example, inside its last container (list item, block quote) when it has one, and after it.
final class SpliceCommonMarkPropertyTests: XCTestCase {
    static let examples: [String] = {
        let url = Bundle.module.url(forResource: "Fixtures/commonmark-spec-0.30", withExtension: "txt")!
        let spec = try! String(contentsOf: url, encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        var inMarkdown = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == String(repeating: "`", count: 32) + " example" {
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
    }()

    func testSpecHasAllExamples() {
        XCTAssertEqual(Self.examples.count, 652)
        XCTAssertEqual(Self.examples[0], "\tfoo\tbaz\t\tbim\n")
    }

    func testSplicingAroundAndInsideEveryExampleChangesOnlyOutputBlocks() throws {
        var documents = 0, cells = 0, containerCells = 0
        for (number, example) in Self.examples.enumerated() {
            var variants = ["```swift\nbefore()\n```\n\n" + example + "\n```swift\nafter()\n```\n",
                            example + "\n~~~swift\nafter()\n~~~"]
            if let inside = Self.appendingCellInsideLastContainer(of: example) {
                variants.append("```swift\nbefore()\n```\n\n" + inside)
                containerCells += 1
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
        XCTAssertGreaterThanOrEqual(containerCells, 75, "most of the 95 examples that end in a list or block quote get a cell inside it")
    }

    /// The example with a cell appended inside its last list item or block quote, or nil when it ends
    /// with none or the cell does not land there (e.g. the example ends inside an open HTML block).
    static func appendingCellInsideLastContainer(of example: String) -> String? {
        guard let lastLine = example.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let written = lastLine.prefix { $0 == " " || $0 == "\t" || $0 == ">" }
        for prefix in [continuationPrefix(of: lastLine), String(written)] {
            let blank = String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
            for separator in ["", blank + "\n"] {
                let candidate = example + separator + prefix + "```swift\n" + prefix + "inside()\n" + prefix + "```\n"
                if isCellInsideContainer(candidate) { return candidate }
            }
        }
        return nil
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

    /// Whether cmark puts the `inside()` cell in a list item or block quote.
    private static func isCellInsideContainer(_ markdown: String) -> Bool {
        guard let document = try? Document(path: "candidate.md", bytes: Array(markdown.utf8)),
              let cell = document.cells.first(where: { $0.code == "inside()\n" }) else { return false }
        let root = markdown.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_SOURCEPOS) }
        defer { cmark_node_free(root) }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                  Int(cmark_node_get_start_line(node)) == cell.fenceLine else { continue }
            return cmark_node_parent(node) != root
        }
        return false
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
