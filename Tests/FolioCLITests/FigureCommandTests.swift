import Foundation
import XCTest

/// Figures end to end: `folio run` writes them next to the notebook and references them from it;
/// `clean`, `check`, the cache, `render` and `export` keep them consistent.
final class FigureCommandTests: FolioProcessTestCase {
    private let notebook = """
        # Training

        ```swift
        let losses: [Float] = [0.69, 0.52, 0.41]
        plot(["loss": losses, "val_loss": [0.7, 0.6, 0.58]], title: "손실", xLabel: "epoch")
        print("trained")
        ```

        Between.

        ```swift
        scatter(Tensor(shape: [3, 2], scalars: [0, 0, 1, 1, 0.5, -1]), labels: ["사과", "<script>", "배"])
        ```

        """

    private func figureFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folio.directory.appendingPathComponent("nb.figures").path)) ?? []).sorted()
    }

    private func imageLines(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("![") }.map(String.init)
    }

    func testRunWritesTheFiguresAndTheirLinesAndASecondRunChangesNoByte() throws {
        try folio.write("nb.md", notebook)
        let first = try folio.run(["run", "nb.md"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try folio.read("nb.md")
        let files = figureFiles()
        XCTAssertEqual(files.count, 2)
        let lines = imageLines(written)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("![Line chart \"손실\" of loss: 3 values, 0.41 to 0.69; val\\_loss: 3 values, 0.58 to 0.7; x: epoch 1 to 3](nb.figures/"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("![Scatter plot of 3 points;"), lines[1])
        XCTAssertTrue(lines[1].contains("labelled 사과, \\<script\\>, 배"), lines[1])
        for file in files {
            XCTAssertEqual(lines.filter { $0.hasSuffix("(nb.figures/\(file))") }.count, 1, "\(file) is referenced once")
            let svg = try folio.read("nb.figures/\(file)")
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            XCTAssertFalse(svg.contains("<script"), "labels are escaped")
        }
        XCTAssertTrue(written.contains("```output\ntrained\n```\n\n![Line chart"), "the image follows the output block")
        XCTAssertTrue(written.contains("```swift\nscatter(Tensor(shape: [3, 2], scalars: [0, 0, 1, 1, 0.5, -1]), labels: [\"사과\", \"<script>\", \"배\"])\n```\n\n![Scatter"),
                      "and the cell when it prints nothing")
        let contents = try files.map { try folio.read("nb.figures/\($0)") }

        for options in [["--no-cache"], []] {
            XCTAssertEqual(try folio.run(["run", "nb.md"] + options).status, 0)
            XCTAssertEqual(try folio.read("nb.md"), written)
            XCTAssertEqual(figureFiles(), files)
            XCTAssertEqual(try files.map { try folio.read("nb.figures/\($0)") }, contents)
        }
        let check = try folio.run(["check", "nb.md"])
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    func testEditingACellReplacesItsFigureAndRemovesTheOldFileButNotTheAuthors() throws {
        try folio.write("nb.md", notebook)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        let before = figureFiles()
        try folio.write("nb.figures/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try folio.write("nb.md", try folio.read("nb.md").replacingOccurrences(of: "[0.69, 0.52, 0.41]", with: "[0.69, 0.5, 0.3]")
            + "\n![my own diagram](nb.figures/diagram.svg)\n")
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        let after = figureFiles()
        XCTAssertEqual(after.count, 3)
        XCTAssertTrue(after.contains("diagram.svg"))
        XCTAssertEqual(Set(before).intersection(after).count, 1, "the scatter plot is unchanged, the line chart is new")
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("0.3 to 0.69"), written)
        XCTAssertTrue(written.hasSuffix("\n![my own diagram](nb.figures/diagram.svg)\n"))

        // A cell that stops drawing loses its line and its file.
        try folio.write("nb.md", written.replacingOccurrences(of: "plot([\"loss\": losses, \"val_loss\": [0.7, 0.6, 0.58]], title: \"손실\", xLabel: \"epoch\")\n", with: ""))
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        XCTAssertEqual(figureFiles().count, 2)
        XCTAssertEqual(imageLines(try folio.read("nb.md")).count, 2, "the scatter plot and the author's image")
    }

    func testCleanRemovesFigureLinesAndFilesAndNothingElse() throws {
        try folio.write("nb.md", notebook)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        let clean = try folio.run(["clean", "nb.md"])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try folio.read("nb.md"), notebook)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folio.directory.appendingPathComponent("nb.figures").path))

        try folio.write("nb.figures/keep.png", "not Folio's")
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        XCTAssertEqual(try folio.run(["clean", "nb.md"]).status, 0)
        XCTAssertEqual(figureFiles(), ["keep.png"])
    }

    func testCheckComparesTheStoredFiguresDataWithinTheTolerance() throws {
        try folio.write("nb.md", notebook)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        let line = try XCTUnwrap(imageLines(try folio.read("nb.md")).first)
        let file = "nb.figures/" + line.split(separator: "/").last!.dropLast()
        let svg = try folio.read(file)

        try folio.write(file, svg.replacingOccurrences(of: "\n2 0.52\n", with: "\n2 0.52001\n"))
        let close = try folio.run(["check", "nb.md"])
        XCTAssertEqual(close.status, 0, close.stdout)

        try folio.write(file, svg.replacingOccurrences(of: "\n2 0.52\n", with: "\n2 0.55\n"))
        let changed = try folio.run(["check", "nb.md"])
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.stdout.hasPrefix("nb.md:3: error: figure is stale\n--- nb.md:3 (stored figures)\n+++ nb.md:3 (actual figures)\n"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("\n-2 0.55\n+2 0.52\n"), changed.stdout)

        try FileManager.default.removeItem(at: folio.directory.appendingPathComponent(file))
        let missing = try folio.run(["check", "nb.md"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stdout.contains("nb.md:3: error: figure file is missing"), missing.stdout)
    }

    func testACacheHitRestoresTheFiguresAndPruneKeepsTheirEntry() throws {
        try folio.write("nb.md", notebook)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        let files = figureFiles()
        try FileManager.default.removeItem(at: folio.directory.appendingPathComponent("nb.figures"))
        XCTAssertEqual(try folio.run(["prune", "nb.md"]).status, 0)
        let hit = try folio.run(["run", "nb.md"])
        XCTAssertTrue(hit.stderr.contains("1 cached"), hit.stderr)
        XCTAssertEqual(figureFiles(), files, "the files come back from the cache")
    }

    func testRenderAndExportCarryTheFigures() throws {
        try folio.write("nb.md", notebook)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        for options in [[], ["--no-exec"]] {
            XCTAssertEqual(try folio.run(["render", "nb.md", "--out", "site"] + options).status, 0)
            let page = try folio.read("site/nb.html")
            XCTAssertEqual(page.components(separatedBy: "><img src=\"data:image/svg+xml;base64,").count - 1, 2)
            XCTAssertTrue(page.contains("alt=\"Line chart &quot;손실&quot; of loss"), page)
            XCTAssertFalse(page.contains("nb.figures/"))
        }
        let export = try folio.run(["export", "--to", "ipynb", "nb.md"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let ipynb = try folio.read("nb.ipynb")
        XCTAssertEqual(ipynb.components(separatedBy: "\"image/svg+xml\"").count - 1, 2)
        XCTAssertFalse(ipynb.contains("nb.figures/"), "image lines are not exported as prose")
    }

    func testDataThatCannotBeDrawnFailsTheCellWithAMessageAtItsLine() throws {
        try folio.write("bad.md", """
            ```swift
            print("before")
            scatter(Tensor(shape: [3], scalars: [1, 2, 3]))
            ```

            """)
        let outcome = try folio.run(["run", "bad.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("bad.md:3: error: Fatal error: scatter: points must have shape (n, 2), one row per point; got (3,)"),
                      outcome.stderr)
    }
}
