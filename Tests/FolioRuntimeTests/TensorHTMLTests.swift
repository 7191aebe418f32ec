import FolioRuntime
import Tensors
import XCTest

final class TensorHTMLTests: XCTestCase {
    func testSmallMatrixIsATableOfItsValues() throws {
        let html = try XCTUnwrap(tensorHTML(Tensor(shape: [2, 3], scalars: [0, 0.5, -1.25, 1e-7, 123456.78, 0.33333])))
        XCTAssertTrue(html.hasPrefix("<table class=\"tensor\"><caption>float32 (2, 3)</caption>"))
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 3)
        let cells = html.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        XCTAssertEqual(cells, ["0.0000000e+00", "5.0000000e-01", "-1.2500000e+00",
                               "1.0000000e-07", "1.2345678e+05", "3.3333001e-01"])
    }

    func testEveryCellOfATableSharesTheArraysFormatAsNumpyPrintsIt() throws {
        let positional = try XCTUnwrap(tensorHTML(Tensor(shape: [2, 2], scalars: [0.5, 0.25, 0.125, 0.1234])))
        XCTAssertTrue(positional.contains("<td>0.5</td><td>0.25</td>"), positional)
        XCTAssertTrue(positional.contains("<td>0.125</td><td>0.1234</td>"), positional)
        // One small value switches the whole table to scientific notation, as numpy's str does.
        let mixed = try XCTUnwrap(tensorHTML(Tensor(shape: [2, 2], scalars: [0.5, 0.25, 0.0003416352, 0.1234])))
        XCTAssertTrue(mixed.contains("<td>5.000000e-01</td><td>2.500000e-01</td>"), mixed)
        XCTAssertTrue(mixed.contains("<td>3.416352e-04</td><td>1.234000e-01</td>"), mixed)
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
        XCTAssertTrue(html.contains("min -2., max 2."))
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
