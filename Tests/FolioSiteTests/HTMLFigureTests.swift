import Foundation
import XCTest
import Folio
@testable import FolioSite

/// A cell's figures on its page: the SVG embedded once, the image line that names it not rendered again.
final class HTMLFigureTests: XCTestCase {
    private var directory: URL!
    private var path: String { directory.appendingPathComponent("nb.md").path }
    private let stored = CellResult.Figure(
        svg: "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<metadata class=\"folio-data\">\nline chart\nseries: loss\n1 0.5\n</metadata>\n</svg>\n",
        description: "Line chart of loss")

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-figure-html-\(UUID().uuidString)")
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

    func testStoredResultsCarryTheFiguresTheLinesName() throws {
        XCTAssertEqual(try notebook().storedResults.first??.figures, [stored], "render --no-exec shows stored figures")
    }

    func testRenderedPagesShowTheFiguresInsteadOfTheirImageLines() throws {
        let document = try notebook()
        for results in [document.storedResults, [CellResult(status: .ok, text: "ok\n", figures: [stored])]] {
            let page = try HTMLRenderer().render(document, results: results)
            XCTAssertEqual(page.body.components(separatedBy: "><img src=\"data:image/svg+xml;base64,"
                + Data(stored.svg.utf8).base64EncodedString() + "\" alt=\"Line chart of loss\"").count - 1, 1, page.body)
            XCTAssertFalse(page.body.contains("nb.figures/"), "the image line is not rendered as well")
            XCTAssertTrue(page.files.isEmpty)
        }
    }

}
