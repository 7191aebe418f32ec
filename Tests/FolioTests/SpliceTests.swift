import Folio
import XCTest

final class SpliceTests: XCTestCase {
    /// Splices `outputs` into `text` and checks what every splice must keep: outputs read back exactly,
    /// a second splice changes nothing, and cleaning gives back the document without output blocks.
    func splice(_ text: String, _ outputs: [Int: String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let document = try parse(text, file: file, line: line)
        let spliced = document.splicing(outputs)
        let reparsed = try Document(path: "spliced.md", bytes: spliced)
        XCTAssertEqual(reparsed.cells.count, document.cells.count, file: file, line: line)
        for (index, output) in outputs {
            let expected = OutputBlock.normalizedText(output)
            XCTAssertEqual(reparsed.cells[index].output?.text ?? "", expected, "cell \(index)", file: file, line: line)
        }
        XCTAssertEqual(reparsed.splicing(outputs), spliced, "a second splice changes nothing", file: file, line: line)
        XCTAssertEqual(try Document(path: "clean.md", bytes: reparsed.cleaned()).cleaned(), reparsed.cleaned(), file: file, line: line)
        return String(decoding: spliced, as: UTF8.self)
    }

    func testInsertsOutputAfterTheCellWithOneBlankLine() throws {
        let result = try splice("# T\n\n```swift\nprint(1)\n```\n\nAfter.\n", [0: "1\n"])
        XCTAssertEqual(result, "# T\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\nAfter.\n")
    }

    func testInsertAtEndOfFileWithoutFinalNewlineAndCleanRestoresIt() throws {
        let original = "```swift\nprint(1)\n```"
        let result = try splice(original, [0: "1"])
        XCTAssertEqual(result, "```swift\nprint(1)\n```\n\n```output\n1\n```")
        XCTAssertEqual(String(decoding: try parse(result).cleaned(), as: UTF8.self), original)
    }

    func testReplacesAnExistingBlockKeepingTheAuthorsSpacing() throws {
        let result = try splice("```swift\nprint(2)\n```\n\n\n~~~~ output\nold\n~~~~\nAfter.\n", [0: "2\n3\n"])
        XCTAssertEqual(result, "```swift\nprint(2)\n```\n\n\n```output\n2\n3\n```\nAfter.\n")
    }

    func testEmptyOutputRemovesTheBlockAndTheBlankLinesBeforeIt() throws {
        let result = try splice("```swift\nlet x = 1\n```\n\n\n```output\nstale\n```\n\nAfter.\n", [0: ""])
        XCTAssertEqual(result, "```swift\nlet x = 1\n```\n\nAfter.\n")
    }

    func testEmptyOutputForACellWithoutBlockChangesNothing() throws {
        let text = "```swift\nlet x = 1\n```\nAfter.\n"
        XCTAssertEqual(try splice(text, [0: ""]), text)
    }

    func testCellsMissingFromTheOutputsKeepTheirBlocks() throws {
        let text = "```swift\nprint(1)\n```\n\n```output\nkept as written  \n```\n\n```swift\nprint(2)\n```\n"
        let result = try splice(text, [1: "2\n"])
        XCTAssertEqual(result, text.replacingOccurrences(of: "print(2)\n```\n", with: "print(2)\n```\n\n```output\n2\n```\n"))
    }

    func testUnchangedOutputLeavesTheBlockByteForByte() throws {
        let text = "```swift\nprint(1)\n```\n  ~~~output\n  1\n  ~~~\n"
        XCTAssertEqual(try splice(text, [0: "1\n"]), text)
    }

    func testSplicingSeveralCellsAtOnce() throws {
        let text = "```swift\na\n```\n\n```output\nold a\n```\n\n```swift\nb\n```\n\n```swift\nc\n```\n\n```output\nold c\n```\n"
        let result = try splice(text, [0: "new a\n", 1: "b\n", 2: ""])
        XCTAssertEqual(result, "```swift\na\n```\n\n```output\nnew a\n```\n\n```swift\nb\n```\n\n```output\nb\n```\n\n```swift\nc\n```\n")
    }

    func testCRLFFilesGetCRLFOutputBlocks() throws {
        let result = try splice("```swift\r\nprint(1)\r\n```\r\nAfter.\r\n", [0: "1\n2\n"])
        XCTAssertEqual(result, "```swift\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n2\r\n```\r\nAfter.\r\n")
    }

    func testLoneCarriageReturnFilesGetLoneCarriageReturnOutputBlocks() throws {
        let result = try splice("```swift\rprint(1)\r```\rAfter.\r", [0: "1\n"])
        XCTAssertEqual(result, "```swift\rprint(1)\r```\r\r```output\r1\r```\rAfter.\r")
    }

    func testOutputInAListItemStaysInTheItem() throws {
        let result = try splice("1. Step\n\n   ```swift\n   print(1)\n   ```\n2. Next\n", [0: "1\n\n  indented\n"])
        XCTAssertEqual(result, "1. Step\n\n   ```swift\n   print(1)\n   ```\n\n   ```output\n   1\n\n     indented\n   ```\n2. Next\n")
    }

    func testOutputInABlockQuoteStaysInTheQuote() throws {
        let result = try splice("> ```swift\n> print(1)\n> ```\n>\n> After.\n", [0: "1\n\n x\n"])
        XCTAssertEqual(result, "> ```swift\n> print(1)\n> ```\n>\n> ```output\n> 1\n>\n>  x\n> ```\n>\n> After.\n")
    }

    func testBlockQuoteWithoutSpaceAfterMarkerKeepsLeadingSpacesOfOutput() throws {
        let result = try splice(">```swift\n>print(1)\n>```\n", [0: " one leading space\n"])
        XCTAssertEqual(result, ">```swift\n>print(1)\n>```\n>\n> ```output\n>  one leading space\n> ```\n")
    }

    func testNestedContainersWithTabsRoundTrip() throws {
        let result = try splice(">\t- ```swift\n>\t  print(1)\n>\t  ```\n", [0: "\tTabbed\n"])
        // A one-item list is tight, so the block follows without a blank line.
        XCTAssertTrue(result.hasPrefix(">\t- ```swift\n>\t  print(1)\n>\t  ```\n>     ```output\n"), result)
    }

    func testOutputInATightListKeepsTheListTight() throws {
        let result = try splice("- Step\n- ```swift\n  print(1)\n  ```\n- Next\n", [0: "1\n"])
        XCTAssertEqual(result, "- Step\n- ```swift\n  print(1)\n  ```\n  ```output\n  1\n  ```\n- Next\n")
        XCTAssertEqual(htmlWithoutOutputBlocks(Array(result.utf8)), "<ul>\n<li>Step</li>\n<li>\n<pre><code class=\"language-swift\">print(1)\n</code></pre>\n</li>\n<li>Next</li>\n</ul>\n")
    }

    func testOutputContainingBacktickFencesGetsALongerFence() throws {
        let output = "```\nnot a fence\n  ````swift\n```\n"
        let result = try splice("```swift\nprint(x)\n```\n", [0: output])
        XCTAssertEqual(result, "```swift\nprint(x)\n```\n\n`````output\n\(output)`````\n")
    }

    func testOutputThatLooksLikeMarkdownOrHTMLIsKeptVerbatim() throws {
        let output = "---\n# not a heading\n<script>alert(1)</script>\n<!-- comment\n```output\n~~~\n> quote\n- item\n    indented\n\n\n"
        let result = try splice("```swift\nprint(x)\n```\n", [0: output])
        XCTAssertTrue(result.contains("````output\n\(output)````"), result)
    }

    func testCarriageReturnsOverwriteTheLineAsInATerminal() throws {
        XCTAssertEqual(OutputBlock.normalizedText("a\r\nb\rc"), "a\nc\n")
        XCTAssertEqual(OutputBlock.normalizedText("loading 10%\rloading 100%\r\ndone"), "loading 100%\ndone\n")
        XCTAssertEqual(OutputBlock.normalizedText("abcdef\rXY\r\r\n"), "XYcdef\n", "a shorter overwrite keeps the rest of the line")
        XCTAssertEqual(OutputBlock.normalizedText("\r\n\r\r"), "\n")
        XCTAssertEqual(OutputBlock.normalizedText("\r"), "", "nothing left to show")
        let result = try splice("```swift\nx\n```\n", [0: "progress 10%\rprogress 100%\r\ndone"])
        XCTAssertEqual(result, "```swift\nx\n```\n\n```output\nprogress 100%\ndone\n```\n")
    }

    func testNULAndMissingFinalNewlineAreNormalised() {
        XCTAssertEqual(OutputBlock.normalizedText("nul\u{0}"), "nul\u{FFFD}\n")
        XCTAssertEqual(OutputBlock.normalizedText(""), "")
    }

    func testBytesOutsideOutputBlocksAreUnchanged() throws {
        let text = "Intro *with* <b>html</b>  \n\n```swift\nprint(1)   \n```   \n\nTrailing\tspace \n"
        let result = try splice(text, [0: "1\n"])
        XCTAssertEqual(result, "Intro *with* <b>html</b>  \n\n```swift\nprint(1)   \n```   \n\n```output\n1\n```\n\nTrailing\tspace \n")
    }

    func testCleanedRemovesEveryOutputBlockAndNothingElse() throws {
        let document = try parse("""
            ---
            title: T
            ---
            ```swift
            print(1)
            ```

            ```output
            1
            ```

            - ```swift
              print(2)
              ```
              ```output
              2
              ```
            """)
        XCTAssertEqual(String(decoding: document.cleaned(), as: UTF8.self),
                       "---\ntitle: T\n---\n```swift\nprint(1)\n```\n\n- ```swift\n  print(2)\n  ```")
    }

    func testIndicesThatAreNotCellsAreIgnored() throws {
        let document = try parse("```swift\nx\n```\n")
        XCTAssertEqual(document.splicing([3: "x", -1: "y"]), document.bytes)
    }
}
