import FolioRuntime
import Tensors
import XCTest

final class TensorHTMLTests: XCTestCase {
    func testSmallMatrixIsATableOfItsValues() throws {
        let html = try XCTUnwrap(tensorHTML(Tensor(shape: [2, 3], scalars: [0, 0.5, -1.25, 1e-7, 123456.78, 0.33333])))
        XCTAssertTrue(html.hasPrefix("<table class=\"tensor\"><caption>float32 (2, 3)</caption>"))
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 3)
        let cells = html.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        XCTAssertEqual(cells, ["0", "0.5", "-1.25", "1e-07", "123456.7813", "0.3333"])
    }

    func testIntegerMatrixShowsIntegers() throws {
        let html = try XCTUnwrap(tensorHTML(Tensor(shape: [1, 5], integers: [2, 3, 0, 1, 16_777_217])))
        XCTAssertTrue(html.contains("<caption>int32 (1, 5)</caption>"))
        XCTAssertTrue(html.contains("<td>2</td><td>3</td><td>0</td><td>1</td><td>16777217</td>"))
    }

    func testLargeMatrixIsAnSVGHeatmapColouredBySign() throws {
        var values = [Float](repeating: 0, count: 5 * 100)
        values[0] = -2
        values[1] = 2
        let html = try XCTUnwrap(tensorHTML(Tensor(shape: [5, 100], scalars: values)))
        XCTAssertTrue(html.hasPrefix("<svg class=\"heatmap\""))
        XCTAssertEqual(html.components(separatedBy: "<rect ").count - 1, 500)
        XCTAssertTrue(html.contains("<rect x=\"0\" y=\"0\" width=\"6\" height=\"6\" fill=\"#2166ac\"/>"))
        XCTAssertTrue(html.contains("<rect x=\"6\" y=\"0\" width=\"6\" height=\"6\" fill=\"#b2182b\"/>"))
        XCTAssertTrue(html.contains("<rect x=\"12\" y=\"0\" width=\"6\" height=\"6\" fill=\"#ffffff\"/>"))
        XCTAssertTrue(html.contains("min -2, max 2"))
    }

    func testHugeMatrixIsAveragedDownToABoundedGrid() throws {
        let html = try XCTUnwrap(tensorHTML(Tensor(shape: [1000, 300], scalars: (0..<300_000).map { Float($0 % 7) })))
        XCTAssertEqual(html.components(separatedBy: "<rect ").count - 1, 128 * 128)
    }

    func testOtherRanksHaveNoRichView() {
        XCTAssertNil(tensorHTML(Tensor(shape: [3], scalars: [1, 2, 3])))
        XCTAssertNil(tensorHTML(Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])))
        XCTAssertNil(tensorHTML(Tensor(shape: [], scalars: [1])))
    }

    func testSameTensorSameHTML() {
        let t = Tensor(shape: [20, 30], scalars: (0..<600).map { Float($0).squareRoot() - 12 })
        XCTAssertEqual(tensorHTML(t), tensorHTML(t))
    }
}
