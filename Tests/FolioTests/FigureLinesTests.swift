import Folio
import XCTest

/// A figure as the runtime sends it, with `data` in its metadata.
func figure(_ data: String, description: String = "Line chart of loss") -> CellResult.Figure {
    CellResult.Figure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<metadata class=\"folio-data\">\n\(data)</metadata>\n</svg>\n",
                      description: description)
}

final class FigureLinesTests: XCTestCase {
    private let loss = figure("line chart\nseries: loss\n1 0.5\n2 0.25\n")
    private let accuracy = figure("line chart\nseries: acc\n1 0.5\n", description: "Line chart of acc [0.5]")

    private func spliced(_ text: String, _ figures: [Int: [CellResult.Figure]], path: String = "nb.md") throws -> String {
        String(decoding: try parse(text, path: path).splicingFigures(figures), as: UTF8.self)
    }

    func testAFigureLineFollowsTheOutputBlockAndReadsBack() throws {
        let text = "# T\n\n```swift\nplot()\n```\n\n```output\nok\n```\n\nProse.\n"
        let written = try spliced(text, [0: [loss]])
        XCTAssertEqual(written, "# T\n\n```swift\nplot()\n```\n\n```output\nok\n```\n\n![Line chart of loss](nb.figures/\(loss.fileName))\n\nProse.\n")
        let document = try parse(written, path: "nb.md")
        let lines = try XCTUnwrap(document.figureLines(of: document.cells[0]))
        XCTAssertEqual(lines.references, [.init(description: "Line chart of loss", fileName: loss.fileName)])
        XCTAssertEqual(lines.firstLine, 11)
        XCTAssertEqual(try spliced(written, [0: [loss]]), written, "splicing the same figures again changes nothing")
        XCTAssertEqual(try spliced(written, [0: []]), text, "removing leaves the file as it was")
        XCTAssertEqual(try spliced(text, [0: []]), text, "a cell without figures gets no lines")
    }

    func testFileNamesAreTheContentHashAndAltTextIsEscaped() throws {
        XCTAssertTrue(loss.fileName.range(of: "^[0-9a-f]{16}\\.svg$", options: .regularExpression) != nil, loss.fileName)
        XCTAssertNotEqual(loss.fileName, accuracy.fileName)
        XCTAssertEqual(loss.fileName, figure("line chart\nseries: loss\n1 0.5\n2 0.25\n").fileName)
        let written = try spliced("```swift\nplot()\n```\n", [0: [accuracy, loss]], path: "dir/my lesson.md")
        XCTAssertEqual(written, "```swift\nplot()\n```\n\n![Line chart of acc \\[0.5\\]](my%20lesson.figures/\(accuracy.fileName))\n"
                       + "![Line chart of loss](my%20lesson.figures/\(loss.fileName))\n")
        let document = try parse(written, path: "dir/my lesson.md")
        XCTAssertEqual(document.figureLines(of: document.cells[0])?.references.map(\.description),
                       ["Line chart of acc [0.5]", "Line chart of loss"])
    }

    func testFiguresInATightListAndABlockQuoteStayInTheirContainer() throws {
        let list = "- a\n- ```swift\n  plot()\n  ```\n- c\n"
        XCTAssertEqual(try spliced(list, [0: [loss]]), "- a\n- ```swift\n  plot()\n  ```\n  ![Line chart of loss](nb.figures/\(loss.fileName))\n- c\n")
        let quote = "> ```swift\n> plot()\n> ```\n\nAfter.\n"
        let quoted = try spliced(quote, [0: [loss]])
        XCTAssertEqual(quoted, "> ```swift\n> plot()\n> ```\n>\n> ![Line chart of loss](nb.figures/\(loss.fileName))\n\nAfter.\n")
        let document = try parse(quoted, path: "nb.md")
        XCTAssertNotNil(document.figureLines(of: document.cells[0]))
    }

    func testAnAuthorsOwnImagesAndTextAreNeverFolios() throws {
        let text = """
            ```swift
            plot()
            ```

            ![my drawing](nb.figures/my-drawing.svg)
            ![other](assets/0123456789abcdef.svg)

            """
        let document = try parse(text, path: "nb.md")
        XCTAssertNil(document.figureLines(of: document.cells[0]))
        let written = try spliced(text, [0: [loss]])
        XCTAssertTrue(written.hasSuffix("![my drawing](nb.figures/my-drawing.svg)\n![other](assets/0123456789abcdef.svg)\n"), written)
        // Folio's line is found again, and the author's lines after it are not taken for Folio's.
        let again = try parse(written, path: "nb.md")
        XCTAssertEqual(again.figureLines(of: again.cells[0])?.references.count, 1)
        XCTAssertEqual(try spliced(written, [0: []]), text)
    }

    func testReplacingFiguresKeepsTheBlankLinesBeforeThem() throws {
        let text = "```swift\nplot()\n```\n\n\n![Line chart of loss](nb.figures/\(loss.fileName))\nmore prose\n"
        XCTAssertEqual(try spliced(text, [0: [accuracy]]),
                       "```swift\nplot()\n```\n\n\n![Line chart of acc \\[0.5\\]](nb.figures/\(accuracy.fileName))\nmore prose\n")
        XCTAssertEqual(try parse(text, path: "nb.md").cleanedOfFigures(), Array("```swift\nplot()\n```\nmore prose\n".utf8))
    }

    func testResultsSpliceOutputsThenFiguresLeavingCellsThatDidNotRun() throws {
        let text = "```swift\nplot()\n```\n\n```swift\nprint(2)\n```\n\n![Line chart of loss](nb.figures/\(loss.fileName))\n"
        let bytes = try parse(text, path: "nb.md").splicing(results: [
            CellResult(status: .ok, text: "drawn\n", figures: [loss]),
            CellResult(status: .notRun, text: ""),
        ])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            ```swift
            plot()
            ```

            ```output
            drawn
            ```

            ![Line chart of loss](nb.figures/\(loss.fileName))

            ```swift
            print(2)
            ```

            ![Line chart of loss](nb.figures/\(loss.fileName))

            """)
    }

    func testTheDataIsReadBackFromTheSVGMetadata() {
        XCTAssertEqual(figure("scatter\npoint 1.0 2.0 a &lt;b&gt; &amp; &#54620;\n").data, "scatter\npoint 1.0 2.0 a <b> & 한\n")
        XCTAssertNil(CellResult.Figure(svg: "<svg/>", description: "").data)
    }
}
