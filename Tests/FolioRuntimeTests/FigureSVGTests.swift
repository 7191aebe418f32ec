#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif
@testable import FolioRuntime
import Tensors
import XCTest

final class FigureSVGTests: XCTestCase {
    private func lineChart(_ series: [(String, [Float])], title: String? = "손실") throws -> SVGFigure {
        try LineChart(series: series, title: title, xLabel: "epoch", yLabel: "loss").figure
    }

    /// Parses `svg` as XML: a broken file fails here, as it would fail to show.
    private func assertWellFormed(_ svg: String, file: StaticString = #filePath, line: UInt = #line) {
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))\n\(svg.prefix(400))", file: file, line: line)
    }

    func testTheSameDataGivesTheSameBytes() throws {
        let series: [(String, [Float])] = [("loss", [0.69, 0.52, 0.41]), ("val_loss", [0.7, 0.6, 0.55])]
        XCTAssertEqual(try lineChart(series).svg, try lineChart(series).svg)
        let points = [(x: Float(0.1), y: Float(0.2)), (x: 0.3, y: -0.4)]
        let scatter = { try ScatterChart(points: points, labels: ["a", "b"], title: nil, xLabel: nil, yLabel: nil).figure.svg }
        XCTAssertEqual(try scatter(), try scatter())
        let matrix = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) - 5.5 })
        XCTAssertEqual(try HeatmapChart(matrix, title: nil).figure.svg, try HeatmapChart(matrix, title: nil).figure.svg)
        XCTAssertFalse(try lineChart(series).svg.contains(" id="), "no ids, which would clash in a page and vary")
    }

    func testALineChartHasTitleDescriptionLegendAxesAndItsData() throws {
        let figure = try lineChart([("loss", [0.69, 0.52, 0.41]), ("val_loss", [0.7, 0.6, 0.55])])
        let svg = figure.svg
        assertWellFormed(svg)
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"folio-figure\" viewBox=\"0 0 640 400\""))
        XCTAssertTrue(svg.contains("<title>손실</title>"))
        XCTAssertTrue(svg.contains("<desc>Line chart &quot;손실&quot; of loss: 3 values, 0.41 to 0.69; val_loss: 3 values, 0.55 to 0.7; x: epoch 1 to 3; y: loss</desc>"), svg)
        XCTAssertEqual(figure.data.text, """
            line chart
            title: 손실
            x: epoch
            y: loss
            series: loss
            1 0.69
            2 0.52
            3 0.41
            series: val_loss
            1 0.7
            2 0.6
            3 0.55

            """)
        XCTAssertEqual(svg.components(separatedBy: "<path ").count - 1, 2, "one line per series")
        for text in [">loss</text>", ">val_loss</text>", ">epoch</text>", ">0.4</text>", ">0.7</text>", ">1</text>", ">3</text>"] {
            XCTAssertTrue(svg.contains(text), text)
        }
        XCTAssertTrue(svg.contains("@media (prefers-color-scheme:dark)"), "a dark theme")
        XCTAssertTrue(svg.contains("color:var(--text,#1f2328)"), "the page's text colour when inline")
        XCTAssertTrue(svg.contains("'Noto Sans KR'"), "a font stack with Korean fonts")
    }

    func testLabelsThatLookLikeMarkupStayText() throws {
        let figure = try lineChart([("<script>alert(1)</script>", [1, 2])], title: "a & b \"quoted\"\u{7}")
        let svg = figure.svg
        assertWellFormed(svg)
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(svg.contains("<title>a &amp; b &quot;quoted&quot;\u{FFFD}</title>"))
        let scatter = try ScatterChart(points: [(x: 0, y: 0)], labels: ["</text><script>x</script>"], title: nil, xLabel: nil, yLabel: nil)
        assertWellFormed(scatter.figure.svg)
        XCTAssertFalse(scatter.figure.svg.contains("<script"))
    }

    func testDegenerateSeriesDrawWithoutBreakingTheFile() throws {
        let cases: [[(String, [Float])]] = [
            [("one", [0.5])],
            [("gap", [1, .nan, 3, .infinity, 2, -.infinity])],
            [("empty", []), ("flat", [2, 2, 2])],
            [("nothing finite", [.nan, .nan])],
            [("huge", [1e30, -1e30])],
        ]
        for series in cases {
            let figure = try lineChart(series)
            assertWellFormed(figure.svg)
            XCTAssertFalse(figure.svg.contains("nan\""), "no NaN coordinate in \(series)")
            XCTAssertFalse(figure.svg.contains("inf\""), "no infinite coordinate in \(series)")
        }
        XCTAssertTrue(try lineChart([("one", [0.5])]).svg.contains("<circle "), "a single value shows as a dot")
        let gap = try lineChart([("gap", [1, .nan, 3, 4])])
        XCTAssertTrue(gap.svg.contains("d=\"M"), gap.svg)
        XCTAssertEqual(gap.svg.components(separatedBy: " M").count + gap.svg.components(separatedBy: "\"M").count - 2, 2,
                       "the line breaks at the NaN")
        XCTAssertTrue(gap.description.contains("1 not finite, not drawn"), gap.description)
        XCTAssertTrue(try lineChart([("nothing finite", [.nan])]).svg.contains("no finite values to draw"))
    }

    func testDataThatCannotBeDrawnFailsWithAMessage() {
        XCTAssertThrowsError(try LineChart(series: [], title: nil, xLabel: nil, yLabel: nil)) { error in
            XCTAssertTrue("\(error)".hasPrefix("plot: no series to draw"), "\(error)")
        }
        XCTAssertThrowsError(try LineChart(series: [("a", []), ("b", [])], title: nil, xLabel: nil, yLabel: nil)) { error in
            XCTAssertEqual("\(error)", "plot: every series is empty (a, b); nothing to draw")
        }
        XCTAssertThrowsError(try ScatterChart(points: [(x: 0, y: 0)], labels: ["a", "b"], title: nil, xLabel: nil, yLabel: nil)) { error in
            XCTAssertEqual("\(error)", "scatter: 1 point but 2 labels; give one label per point")
        }
        XCTAssertThrowsError(try HeatmapChart(Tensor(shape: [3], scalars: [1, 2, 3]), title: nil))
        XCTAssertThrowsError(try HeatmapChart(Tensor(shape: [0, 3], scalars: []), title: nil))
    }

    func testScatterLabelsOfNearbyPointsDoNotOverlap() throws {
        let points: [(x: Float, y: Float)] = [(0, 0), (0.02, 0), (0.04, 0.01), (1, 1), (0.5, 0.5)]
        let labels = ["king", "queen", "prince", "apple", "사과"]
        let svg = try ScatterChart(points: points, labels: labels, title: "words", xLabel: nil, yLabel: nil).figure.svg
        assertWellFormed(svg)
        let pattern = try NSRegularExpression(pattern: "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" font-size=\"13\" text-anchor=\"(\\w+)\" fill=\"currentColor\">([^<]+)</text>")
        let boxes = pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match -> (String, CGRect) in
            let field = { (i: Int) in String(svg[Range(match.range(at: i), in: svg)!]) }
            let x = Double(field(1))!, y = Double(field(2))!, text = field(4)
            let width = SVGText.estimatedWidth(text, fontSize: 13)
            let left = field(3) == "start" ? x : field(3) == "end" ? x - width : x - width / 2
            return (text, CGRect(x: left, y: y - 13 * 0.8, width: width, height: 13 * 1.05))
        }
        XCTAssertEqual(boxes.map(\.0), labels)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                XCTAssertFalse(boxes[i].1.insetBy(dx: 0.5, dy: 0.5).intersects(boxes[j].1), "\(boxes[i].0) overlaps \(boxes[j].0)")
            }
        }
    }

    func testScatterDataListsEveryPointWithItsLabel() throws {
        let chart = try ScatterChart(points: [(x: 1, y: 2), (x: .nan, y: 0)], labels: ["a b", "c"], title: nil, xLabel: "dim 1", yLabel: nil)
        XCTAssertEqual(chart.data.text, "scatter\ntitle:\nx: dim 1\ny:\npoint 1.0 2.0 a b\npoint nan 0.0 c\n")
        XCTAssertTrue(chart.description.contains("(1 not finite, not drawn)"), chart.description)
        assertWellFormed(chart.figure.svg)
    }

    func testAHeatmapWritesSmallValuesInItsCellsAndAveragesLargeMatrices() throws {
        let small = try HeatmapChart(Tensor(shape: [2, 3], scalars: [1, -2, 0.5, 0, 3, .nan]), title: nil).figure
        assertWellFormed(small.svg)
        XCTAssertTrue(small.svg.contains("<title>float32 (2, 3)</title>"))
        XCTAssertTrue(small.svg.contains(">-2</text>") && small.svg.contains(">0.5</text>"))
        XCTAssertTrue(small.svg.contains("fill=\"#888888\""), "NaN is grey")
        XCTAssertEqual(small.data.text, "heatmap\ntitle:\nshape: 2 3\nrow 0: 1.0 -2.0 0.5\nrow 1: 0.0 3.0 nan\n")

        let large = try HeatmapChart(Tensor(shape: [200, 130], scalars: (0..<26_000).map { Float($0 % 13) - 6 }), title: "weights").figure
        assertWellFormed(large.svg)
        XCTAssertEqual(large.svg.components(separatedBy: "<rect ").count - 1, 64 * 64 + 11, "grid cells and the colour bar")
        XCTAssertTrue(large.data.text.hasPrefix("heatmap\ntitle: weights\nshape: 200 130\naveraged to: 64 64\nrow 0: "))
        XCTAssertTrue(large.description.contains("averaged in blocks"))
    }
}
