/// A line chart: one line per named series, each value drawn at x = 1, 2, 3, ... (an epoch, a step).
///
/// A value that is NaN or infinite is left out and breaks its line; a value with no drawn neighbour
/// (a series of one value, say) is drawn as a dot, so every finite value shows. Short series get a dot
/// at every value.
struct LineChart {
    let series: [(name: String, values: [Float])]
    let title: String?
    let xLabel: String?
    let yLabel: String?

    /// Series with at most this many values get a dot at each.
    static let dottedSeriesLimit = 30

    init(series: [(name: String, values: [Float])], title: String?, xLabel: String?, yLabel: String?) throws(FigureError) {
        guard !series.isEmpty else { throw FigureError("plot: no series to draw; pass at least one, e.g. plot([\"loss\": losses])") }
        guard series.contains(where: { !$0.values.isEmpty }) else {
            throw FigureError("plot: every series is empty (\(series.map(\.name).joined(separator: ", "))); nothing to draw")
        }
        self.series = series.map { (SVGText.singleLine($0.name), $0.values) }
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    var figure: SVGFigure {
        let finite = series.flatMap(\.values).filter(\.isFinite)
        let longest = series.map(\.values.count).max() ?? 0
        let xScale = NiceScale(covering: 1, Double(longest), targetTicks: 6, integerSteps: true)
        let yScale = NiceScale(covering: Double(finite.min() ?? .nan), Double(finite.max() ?? .nan))
        var figure = SVGFigure(width: 640, height: 400, title: title ?? "Line chart", description: description, data: data)
        let frame = ChartFrame(in: &figure, x: xScale, y: yScale, title: title, xLabel: xLabel, yLabel: yLabel,
                               legend: series.enumerated().map { ($1.name, FigureStyle.seriesClass($0)) })
        if finite.isEmpty {
            figure.text("no finite values to draw", x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2,
                        size: FigureStyle.labelSize, anchor: "middle", attributes: "class=\"muted\"")
        }
        for (index, entry) in series.enumerated() {
            let classes = FigureStyle.seriesClass(index)
            let points = entry.values.enumerated().map { step, value in
                value.isFinite ? (x: frame.xPosition(Double(step + 1)), y: frame.yPosition(Double(value))) : nil
            }
            var path = ""
            for (step, point) in points.enumerated() {
                guard let point else { continue }
                let joined = step > 0 && points[step - 1] != nil
                path += (path.isEmpty ? "" : " ") + (joined ? "L" : "M") + SVGText.coordinate(point.x) + " " + SVGText.coordinate(point.y)
            }
            if !path.isEmpty {
                figure.add("<path d=\"\(path)\" class=\"line \(classes)\" fill=\"none\" stroke-width=\"2.5\" "
                    + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
            }
            for (step, point) in points.enumerated() {
                guard let point else { continue }
                let isolated = (step == 0 || points[step - 1] == nil) && (step + 1 == points.count || points[step + 1] == nil)
                if isolated || entry.values.count <= Self.dottedSeriesLimit {
                    figure.add("<circle cx=\"\(SVGText.coordinate(point.x))\" cy=\"\(SVGText.coordinate(point.y))\" "
                        + "r=\"3.5\" class=\"\(classes)\" stroke=\"none\"/>")
                }
            }
        }
        return figure
    }

    /// What the chart shows, in words: each series with its number of values and range.
    var description: String {
        let parts = series.map { entry -> String in
            let finite = entry.values.filter(\.isFinite)
            var part = "\(entry.name): "
            if let low = finite.min(), let high = finite.max() {
                part += "\(entry.values.count) value\(entry.values.count == 1 ? "" : "s"), "
                    + (low == high ? compactDecimal(low) : "\(compactDecimal(low)) to \(compactDecimal(high))")
            } else {
                part += entry.values.isEmpty ? "no values" : "no finite values"
            }
            let skipped = entry.values.count - finite.count
            if skipped > 0 && !finite.isEmpty { part += " (\(skipped) not finite, not drawn)" }
            return part
        }
        let longest = series.map(\.values.count).max() ?? 0
        return "Line chart" + (title.map { " \"\($0)\"" } ?? "") + " of " + parts.joined(separator: "; ")
            + "; x: \(xLabel.flatMap { $0.isEmpty ? nil : $0 } ?? "step") 1 to \(longest)"
            + (yLabel.flatMap { $0.isEmpty ? nil : "; y: \($0)" } ?? "")
    }

    var data: FigureData {
        var data = FigureData(kind: "line chart")
        data.field("title", title ?? "")
        data.field("x", xLabel ?? "")
        data.field("y", yLabel ?? "")
        for entry in series {
            data.field("series", entry.name)
            for (step, value) in entry.values.enumerated() {
                data.row("\(step + 1) \(SVGText.value(value))")
            }
        }
        return data
    }
}
