import Folio
import XCTest

final class DocumentCellTests: XCTestCase {
    func testSwiftFencesBecomeCellsWithCodeOptionsAndLines() throws {
        let document = try parse("""
            # Title

            ```swift
            let x = 1
            print(x)
            ```

            Prose.

            ```swift hide-code timeout=2.5
            print(2)
            ```
            """)
        XCTAssertEqual(document.cells.count, 2)
        let first = document.cells[0]
        XCTAssertEqual(first.index, 0)
        XCTAssertEqual(first.code, "let x = 1\nprint(x)\n")
        XCTAssertEqual(first.fenceLine, 3)
        XCTAssertEqual(first.codeLine, 4)
        XCTAssertEqual(first.options, CellOptions())
        XCTAssertEqual(document.text(first.range), "```swift\nlet x = 1\nprint(x)\n```\n")
        let second = document.cells[1]
        XCTAssertEqual(second.index, 1)
        XCTAssertEqual(second.fenceLine, 10)
        XCTAssertTrue(second.options.hideCode)
        XCTAssertEqual(second.options.timeout, 2.5)
        XCTAssertEqual(document.text(second.range), "```swift hide-code timeout=2.5\nprint(2)\n```", "the last fence has no line ending")
    }

    func testEveryCellOptionIsRead() throws {
        let document = try parse("""
            ```swift ignore hide-output
            ```
            ```swift compile-fail
            ```
            ```swift should-fail
            ```
            """)
        XCTAssertTrue(document.cells[0].options.ignore)
        XCTAssertTrue(document.cells[0].options.hideOutput)
        XCTAssertTrue(document.cells[1].options.compileFail)
        XCTAssertTrue(document.cells[2].options.shouldFail)
        XCTAssertEqual(document.cells[0].code, "")
    }

    func testOnlyInfoStringsWhoseFirstWordIsSwiftAreCells() throws {
        let document = try parse("""
            ```python
            print(1)
            ```

            ```Swift
            print(2)
            ```

            ```swiftui
            Text("x")
            ```

            ```
            plain
            ```

                ```swift
                indented code, not a fence
                ```

            ``` swift
            print(3)
            ```
            """)
        XCTAssertEqual(document.cells.map(\.code), ["print(3)\n"])
        XCTAssertEqual(document.cells[0].fenceLine, 21)
    }

    func testTildeFencesAndLongerFencesHoldBacktickLines() throws {
        let document = try parse("""
            ~~~swift
            let fence = "```"
            ~~~

            `````swift
            ```
            ````
            `````
            """)
        XCTAssertEqual(document.cells.map(\.code), ["let fence = \"```\"\n", "```\n````\n"])
        XCTAssertEqual(document.text(document.cells[1].range), "`````swift\n```\n````\n`````")
    }

    func testFencesIndentedUpToThreeSpacesLoseThatIndentationInCode() throws {
        let document = try parse("   ```swift\n   let a = 1\n     let b = 2\n  ```\n")
        XCTAssertEqual(document.cells.count, 1)
        XCTAssertEqual(document.cells[0].code, "let a = 1\n  let b = 2\n")
        XCTAssertEqual(document.cells[0].range, 3..<46)
    }

    func testCellsInListItemsAndBlockQuotesHaveTheContainerPrefixRemoved() throws {
        let document = try parse("""
            - item

              ```swift
              print("in list")
              ```
            - next

            > quoted
            >
            > ```swift
            > print("in quote")
            > ```

            > - ```swift
            >   print("both")
            >   ```
            """)
        XCTAssertEqual(document.cells.map(\.code), ["print(\"in list\")\n", "print(\"in quote\")\n", "print(\"both\")\n"])
        XCTAssertEqual(document.cells.map(\.fenceLine), [3, 10, 14])
        XCTAssertEqual(document.text(document.cells[0].range), "```swift\n  print(\"in list\")\n  ```\n")
        XCTAssertEqual(document.text(document.cells[1].range), "```swift\n> print(\"in quote\")\n> ```\n")
        XCTAssertEqual(document.text(document.cells[2].range), "```swift\n>   print(\"both\")\n>   ```")
    }

    func testCRLFFilesGiveCodeWithoutCarriageReturnsAndRangesThroughCRLF() throws {
        let document = try parse("Intro\r\n\r\n```swift\r\nlet x = 1\r\nprint(x)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n")
        let cell = try XCTUnwrap(document.cells.first)
        XCTAssertEqual(cell.code, "let x = 1\nprint(x)\n")
        XCTAssertEqual(cell.fenceLine, 3)
        XCTAssertEqual(document.text(cell.range), "```swift\r\nlet x = 1\r\nprint(x)\r\n```\r\n")
        let output = try XCTUnwrap(cell.output)
        XCTAssertEqual(output.text, "1\n")
        XCTAssertEqual(output.fenceLine, 8)
        XCTAssertEqual(document.text(output.range), "\r\n\r\n```output\r\n1\r\n```")
    }

    func testTabIndentationFollowsCommonMarkColumns() throws {
        // A tab is 4 columns: at the top level it makes indented code, in a list item it is item indentation.
        let document = try parse("\t```swift\n\tnot a cell\n\t```\n\n- item\n\n\t```swift\n\tprint(1)\n\t```\n")
        XCTAssertEqual(document.cells.count, 1)
        XCTAssertEqual(document.cells[0].fenceLine, 7)
        XCTAssertTrue(document.cells[0].code.hasSuffix("print(1)\n"))
        XCTAssertEqual(document.text(document.cells[0].range), "```swift\n\tprint(1)\n\t```\n")
    }

    func testOutputBlockAfterCellWithBlankLinesBelongsToIt() throws {
        let document = try parse("""
            ```swift
            print(1)
            ```


            ```output
            1
            ```
            Next paragraph.
            """)
        let output = try XCTUnwrap(document.cells[0].output)
        XCTAssertEqual(output.text, "1\n")
        XCTAssertEqual(output.fenceLine, 6)
        XCTAssertEqual(document.text(output.range), "\n\n\n```output\n1\n```")
    }

    func testOutputBlockInsideTheCellsListItemBelongsToIt() throws {
        let document = try parse("- ```swift\n  print(1)\n  ```\n\n  ```output\n  1\n  ```\n- next\n")
        XCTAssertEqual(document.cells[0].output?.text, "1\n")
        XCTAssertEqual(document.cells[0].output?.fenceLine, 5)
    }

    func testCellWithoutOutputBlockHasNone() throws {
        let document = try parse("```swift\nprint(1)\n```\n\nText\n\n```swift\n```\n")
        XCTAssertNil(document.cells[0].output)
        XCTAssertNil(document.cells[1].output)
    }

    func testByteOrderMarkIsSkippedAndRangesCountIt() throws {
        let document = try Document(path: "bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array("```swift\nprint(1)\n```\n".utf8))
        XCTAssertEqual(document.cells.first?.range, 3..<25)
        XCTAssertEqual(document.cells.first?.code, "print(1)\n")
    }

    func testLineOfByteCountsLFCRLFAndLoneCR() throws {
        let document = try parse("a\nb\r\nc\rd")
        XCTAssertEqual([0, 1, 2, 3, 4, 5, 6, 7].map(document.lineOfByte), [1, 1, 2, 2, 2, 3, 3, 4])
    }

    func testCellLookupsByFenceLineMatchCmarkNodes() throws {
        let document = try parse("```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```swift\n```\n")
        XCTAssertEqual(document.cell(atFenceLine: 9)?.index, 1)
        XCTAssertNil(document.cell(atFenceLine: 5))
        XCTAssertEqual(document.cell(withOutputAtFenceLine: 5)?.index, 0)
        XCTAssertNil(document.cell(withOutputAtFenceLine: 1))
    }

    func testDocumentReadsFromAFile() throws {
        let path = NSTemporaryDirectory() + "folio-document-\(UUID().uuidString).md"
        try Data("```swift\nprint(1)\n```\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try Document(contentsOf: path)
        XCTAssertEqual(document.path, path)
        XCTAssertEqual(document.cells.count, 1)
    }
}
