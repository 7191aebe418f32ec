import Folio
import XCTest

/// `folio check` on figures: their data is compared, within the tolerance, with the files the lines name.
final class FigureCheckTests: XCTestCase {
    private var directory: URL!
    private var path: String { directory.appendingPathComponent("nb.md").path }
    private let stored = figure("line chart\nseries: loss\n1 0.5\n2 0.25\n")

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-figure-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A notebook whose one cell printed "ok" and drew `stored`, with the figure's file written.
    private func notebook() throws -> Document {
        let text = "# T\n\n```swift\nplot()\n```\n\n```output\nok\n```\n"
        let bytes = try Document(path: path, bytes: Array(text.utf8)).splicingFigures([0: [stored]])
        try FigureFolder(forNotebook: path).write([stored])
        return try Document(path: path, bytes: bytes)
    }

    func testFiguresWithTheSameDataWithinTheToleranceMatchWhateverTheirBytes() throws {
        let redrawn = CellResult.Figure(svg: stored.svg.replacingOccurrences(of: "<svg ", with: "<svg class=\"new-style\" ")
            .replacingOccurrences(of: "1 0.5\n", with: "1 0.50001\n"), description: "other words")
        XCTAssertEqual(OutputCheck().problems(in: try notebook(), results: [CellResult(status: .ok, text: "ok\n", figures: [redrawn])]), [])
    }

    func testAChangedSeriesIsReportedAtTheCellWithADiffOfTheData() throws {
        let changed = figure("line chart\nseries: loss\n1 0.5\n2 0.3\n")
        let problems = OutputCheck().problems(in: try notebook(), results: [CellResult(status: .ok, text: "ok\n", figures: [changed])])
        XCTAssertEqual(problems.map(\.message), ["\(path):3: error: figure is stale"])
        XCTAssertEqual(problems.first?.diff, """
            --- \(path):3 (stored figures)
            +++ \(path):3 (actual figures)
            @@ -2,4 +2,4 @@
             line chart
             series: loss
             1 0.5
            -2 0.25
            +2 0.3

            """)
        XCTAssertEqual(OutputCheck(comparison: OutputComparison(tolerance: 0.5)).problems(
            in: try notebook(), results: [CellResult(status: .ok, text: "ok\n", figures: [changed])]), [])
    }

    func testMissingExtraAndUnreadableFiguresAreProblems() throws {
        let document = try notebook()
        let none = OutputCheck().problems(in: document, results: [CellResult(status: .ok, text: "ok\n")])
        XCTAssertEqual(none.map(\.message), ["\(path):3: error: figure lines should be removed (the cell draws nothing)"])
        let two = OutputCheck().problems(in: document, results: [CellResult(status: .ok, text: "ok\n", figures: [stored, stored])])
        XCTAssertEqual(two.map(\.message), ["\(path):3: error: figure is stale"])

        try FileManager.default.removeItem(atPath: FigureFolder(forNotebook: path).path + "/" + stored.fileName)
        let missing = OutputCheck().problems(in: document, results: [CellResult(status: .ok, text: "stale\n", figures: [stored])])
        XCTAssertEqual(missing.map(\.message), ["\(path):3: error: output is stale\n\(path):3: error: figure file is missing"])
        XCTAssertTrue(missing[0].diff.contains("-(file nb.figures/\(stored.fileName) is missing)"), missing[0].diff)

        let plain = try Document(path: path, bytes: Array("```swift\nplot()\n```\n".utf8))
        let new = OutputCheck().problems(in: plain, results: [CellResult(status: .ok, text: "", figures: [stored])])
        XCTAssertEqual(new.map(\.message), ["\(path):1: error: figure is missing"])
    }

    func testExportAttachesFiguresAsSVGThatNbformatAccepts() throws {
        let document = try notebook()
        for notebook in [JupyterNotebook(document: document),
                         JupyterNotebook(document: document, results: [CellResult(status: .ok, text: "ok\n", figures: [stored])])] {
            guard case .object(let root) = notebook.json, case .array(let cells)? = root["cells"],
                  case .object(let cell)? = cells.last, case .array(let outputs)? = cell["outputs"],
                  case .object(let display)? = outputs.last, case .object(let data)? = display["data"] else {
                return XCTFail("unexpected notebook shape")
            }
            XCTAssertEqual(outputs.count, 2)
            XCTAssertEqual(display["output_type"], .string("display_data"))
            XCTAssertEqual(data["text/plain"], .array([.string("Line chart of loss")]))
            guard case .array(let lines)? = data["image/svg+xml"] else { return XCTFail("no SVG") }
            XCTAssertEqual(lines.map { line -> String in
                if case .string(let text) = line { return text }
                return ""
            }.joined(), stored.svg)
            try validateWithNbformat(try notebook.fileContents())
        }
    }
}
