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
