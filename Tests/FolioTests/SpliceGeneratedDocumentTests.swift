import Folio
import XCTest

/// Splices outputs into many generated notebooks: seeded random compositions of prose, headings, lists,
/// block quotes, other fences, HTML blocks and cells in all of those containers, with LF or CRLF.
final class SpliceGeneratedDocumentTests: XCTestCase {
    struct Notebook {
        var text: String
        /// The code of each cell the text holds, in order.
        var codes: [String]
    }

    func testGeneratedNotebooksParseToTheirCellsAndSpliceCleanly() throws {
        for seed in 0..<400 as Range<UInt64> {
            var random = SeededGenerator(state: seed)
            let notebook = Self.notebook(using: &random)
            let name = "generated-\(seed).md"
            let document: Document
            do {
                document = try Document(path: name, bytes: Array(notebook.text.utf8))
            } catch {
                XCTFail("\(error)\n\(notebook.text)")
                continue
            }
            XCTAssertEqual(document.cells.map(\.code), notebook.codes, "\(name)\n\(notebook.text)")
            var outputs: [Int: String] = [:], replacements: [Int: String] = [:]
            for cell in document.cells {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: break  // keeps whatever block it has
                case 1: outputs[cell.index] = ""
                default: outputs[cell.index] = trickyOutputs.randomElement(using: &random)!
                }
                replacements[cell.index] = Bool.random(using: &random) ? "" : trickyOutputs.randomElement(using: &random)!
            }
            if let violation = spliceViolation(in: document, outputs: outputs, replacements: replacements) {
                XCTFail("\(name): \(violation)\n\(notebook.text)")
            }
        }
    }

    func testRandomMarkupSoupNeverBreaksSplicePromises() {
        // Each line: container markup, then a fence or other content; fences are frequent so cells close.
        let prefixes = ["", "", "", " ", "   ", "  ", "\t", ">", "> ", ">\t", "> - ", ">   ", "- ", "-\t", "1. ", "2) ", "* ", "    "]
        let contents = ["```swift", "```swift", "~~~swift", "```` swift ignore", "```", "```", "```", "~~~", "````",
                        "```output", "```output", "~~~ output", "text", "", "", "<div>", "<!--", "---", "# h", "[a]: /u"]
        var parsed = 0, cells = 0, outputBlocks = 0
        for seed in 1_000..<5_000 as Range<UInt64> {
            var random = SeededGenerator(state: seed)
            let lineEnding = ["\n", "\n", "\r\n", "\r"].randomElement(using: &random)!
            let lines = (0..<Int.random(in: 2...14, using: &random)).map { _ in
                prefixes.randomElement(using: &random)! + contents.randomElement(using: &random)!
            }
            let text = lines.joined(separator: lineEnding) + (Bool.random(using: &random) ? lineEnding : "")
            // Much of this soup is rightly rejected (unclosed cells, orphaned output blocks); the rest must splice cleanly.
            guard let document = try? Document(path: "soup-\(seed).md", bytes: Array(text.utf8)) else { continue }
            parsed += 1
            cells += document.cells.count
            outputBlocks += document.cells.filter { $0.output != nil }.count
            var outputs: [Int: String] = [:]
            for cell in document.cells where Int.random(in: 0..<3, using: &random) > 0 {
                outputs[cell.index] = Bool.random(using: &random) ? "" : trickyOutputs.randomElement(using: &random)!
            }
            let replacements = Dictionary(uniqueKeysWithValues: document.cells.map { ($0.index, Bool.random(using: &random) ? "" : "x\n") })
            if let violation = spliceViolation(in: document, outputs: outputs, replacements: replacements) {
                XCTFail("soup-\(seed): \(violation)\n\(String(reflecting: text))")
            }
        }
        XCTAssertGreaterThan(parsed, 1_000)
        XCTAssertGreaterThan(cells, 50)
    }

    func testCellsInRandomlyNestedContainersParseAndSpliceCleanly() {
        for seed in 10_000..<10_600 as Range<UInt64> {
            var random = SeededGenerator(state: seed)
            var blocks: [String] = [], codes: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let (first, continuation, fenceFollowsDirectly) = Self.containerChain(using: &random)
                let code = "let a = 1\n\n  print(a)\n"
                let indent = { String(repeating: " ", count: Int.random(in: 0...3, using: &random)) }
                let fenceIndent = fenceFollowsDirectly ? "" : indent(), closingIndent = indent()
                let fence = [String](repeating: Bool.random(using: &random) ? "`" : "~", count: Int.random(in: 3...5, using: &random)).joined()
                let prefixed = { (text: String) in
                    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
                        line.isEmpty ? Self.trimmed(continuation) : continuation + fenceIndent + line
                    }
                }
                var lines = [first + fenceIndent + fence + "swift"] + prefixed(code) + [continuation + closingIndent + fence + fence.prefix(1) + "  "]
                if Bool.random(using: &random) {
                    lines += (Bool.random(using: &random) ? [Self.trimmed(continuation)] : [])
                    lines += [continuation + "```output", continuation + "old", continuation + "```"]
                }
                blocks.append(lines.joined(separator: "\n"))
                codes.append(code)
            }
            let lineEnding = Bool.random(using: &random) ? "\n" : "\r\n"
            let text = blocks.joined(separator: "\n\nSome prose.\n\n").replacingOccurrences(of: "\n", with: lineEnding)
            guard let document = try? Document(path: "nested-\(seed).md", bytes: Array(text.utf8)) else {
                XCTFail("nested-\(seed) does not parse:\n\(text)")
                continue
            }
            XCTAssertEqual(document.cells.map(\.code), codes, "nested-\(seed)\n\(text)")
            let outputs = Dictionary(uniqueKeysWithValues: document.cells.map { ($0.index, trickyOutputs.randomElement(using: &random)!) })
            let replacements = Dictionary(uniqueKeysWithValues: document.cells.map { ($0.index, Bool.random(using: &random) ? "" : "x\n") })
            if let violation = spliceViolation(in: document, outputs: outputs, replacements: replacements) {
                XCTFail("nested-\(seed): \(violation)\n\(text)")
            }
        }
    }

    /// One to three nested block quotes and list items: the prefix of their first line, of the lines
    /// that continue them, and whether the fence must follow the prefix directly (after a list marker,
    /// spaces widen the item; after a bare `>`, the first space is the marker's).
    private static func containerChain(using random: inout SeededGenerator) -> (first: String, continuation: String, fenceFollowsDirectly: Bool) {
        var first = "", continuation = "", fenceFollowsDirectly = false
        let depth = Int.random(in: 1...3, using: &random)
        for level in 0..<depth {
            let innermost = level == depth - 1
            fenceFollowsDirectly = false
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                first += "> "
                continuation += "> "
            case 1:
                let marker = ["- ", "* ", "-  ", "+ "].randomElement(using: &random)!
                first += marker
                continuation += String(repeating: " ", count: marker.count)
                fenceFollowsDirectly = true
            case 2:
                let marker = ["1. ", "10) ", "3.  "].randomElement(using: &random)!
                first += marker
                continuation += String(repeating: " ", count: marker.count)
                fenceFollowsDirectly = true
            case 3 where innermost:
                first += ">"
                continuation += "> "
                fenceFollowsDirectly = true
            default:
                // A block quote with one space of indentation for what it holds; innermost, it would
                // add to the fence's indentation.
                first += innermost ? "> " : ">  "
                continuation += innermost ? "> " : ">  "
            }
        }
        return (first, continuation, fenceFollowsDirectly)
    }

    private static func trimmed(_ prefix: String) -> String {
        String(prefix.reversed().drop(while: { $0 == " " }).reversed())
    }

    static func notebook(using random: inout SeededGenerator) -> Notebook {
        var blocks: [String] = []
        var codes: [String] = []
        if Bool.random(using: &random) {
            blocks.append("---\ntitle: Generated\nseed: \(random.next() % 1000)\n---")
        }
        for _ in 0..<Int.random(in: 2...10, using: &random) {
            let code = Bool.random(using: &random) ? "print(\(codes.count))\n" : "let v\(codes.count) = \(codes.count)\n\nprint(v\(codes.count))\n"
            let output = Int.random(in: 0..<3, using: &random) == 0 ? "old output\n\nline\n" : nil
            switch Int.random(in: 0..<11, using: &random) {
            case 0:
                blocks.append("Some *prose* with `code`, <span style=\"color: red\">HTML</span>\nand a second line.")
            case 1:
                blocks.append("## Heading \(blocks.count)")
            case 2:
                blocks.append(cell(code, output: output, prefix: "", firstPrefix: "", fence: "```"))
                codes.append(code)
            case 3:
                blocks.append("- first item\n" + cell(code, output: output, prefix: "  ", firstPrefix: "- ", fence: "```") + "\n- last item")
                codes.append(code)
            case 4:
                blocks.append("1. Step one\n\n" + cell(code, output: output, prefix: "   ", firstPrefix: "   ", fence: "~~~~") + "\n2. Step two")
                codes.append(code)
            case 5:
                blocks.append("> Quoted prose\n>\n" + cell(code, output: output, prefix: "> ", firstPrefix: "> ", fence: "```"))
                codes.append(code)
            case 6:
                blocks.append(cell(code, output: output, prefix: ">    ", firstPrefix: "> 1. ", fence: "````"))
                codes.append(code)
            case 7:
                blocks.append(cell(code, output: output, prefix: "\t", firstPrefix: "-\t", fence: "```"))
                codes.append(code)
            case 8:
                blocks.append(Bool.random(using: &random) ? "```python\nprint(1)\n```" : "~~~\n```swift\nnot a cell\n```\n~~~")
            case 9:
                blocks.append(Bool.random(using: &random) ? "<div class=\"note\">\n<p>Raw HTML</p>\n</div>" : "***")
            default:
                blocks.append(cell(code, output: output, prefix: "  ", firstPrefix: "  ", fence: "~~~"))
                codes.append(code)
            }
        }
        var text = blocks.joined(separator: "\n\n") + (Bool.random(using: &random) ? "\n" : "")
        if Bool.random(using: &random) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return Notebook(text: text, codes: codes)
    }

    /// A cell (and optionally an output block after it) whose first line starts with `firstPrefix` and
    /// every other line with `prefix`; empty lines get the prefix without trailing whitespace.
    private static func cell(_ code: String, output: String?, prefix: String, firstPrefix: String, fence: String) -> String {
        let blank = String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        let prefixed = { (lines: String) in
            lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? blank : prefix + $0 }
        }
        var lines = [firstPrefix + fence + "swift"] + prefixed(code) + [prefix + fence]
        if let output {
            lines += [blank, prefix + "```output"] + prefixed(output) + [prefix + "```"]
        }
        return lines.joined(separator: "\n")
    }
}
