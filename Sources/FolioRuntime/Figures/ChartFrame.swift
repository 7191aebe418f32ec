/// The parts a line chart and a scatter plot share: the title, a legend, the plot area with its grid,
/// ticks and tick labels, and the axis labels; it maps data to positions in the plot area.
struct ChartFrame {
    let x: NiceScale
    let y: NiceScale
    /// The plot area.
    let left: Double, right: Double, top: Double, bottom: Double

    /// Lays out a chart of `width` by `height` and draws everything but the data into `figure`.
    /// `legend` is one entry per series (its name and its class), in order; none draws no legend.
    init(in figure: inout SVGFigure, x: NiceScale, y: NiceScale, title: String?, xLabel: String?, yLabel: String?,
         legend: [(name: String, classes: String)]) {
        self.x = x
        self.y = y
        let width = Double(figure.width), height = Double(figure.height)
        var cursor = 12.0
        if let title, !title.isEmpty {
            figure.text(title, x: width / 2, y: cursor + FigureStyle.titleSize, size: FigureStyle.titleSize,
                        anchor: "middle", attributes: "font-weight=\"600\" fill=\"currentColor\"")
            cursor += FigureStyle.titleSize + 10
        }
        cursor = Self.drawLegend(legend, in: &figure, top: cursor, width: width)
        let yLabels = y.labels
        let widestTick = yLabels.map { SVGText.estimatedWidth($0, fontSize: FigureStyle.tickSize) }.max() ?? 0
        let hasYLabel = !(yLabel ?? "").isEmpty, hasXLabel = !(xLabel ?? "").isEmpty
        left = 14 + (hasYLabel ? FigureStyle.labelSize + 10 : 0) + widestTick + 8
        right = width - 20
        top = cursor + 8
        bottom = height - 30 - (hasXLabel ? FigureStyle.labelSize + 10 : 0)

        for (tick, label) in zip(y.ticks, yLabels) {
            let position = yPosition(tick)
            figure.line(x1: left, y1: position, x2: right, y2: position, classes: "grid")
            figure.text(label, x: left - 8, y: position + FigureStyle.tickSize * 0.35, size: FigureStyle.tickSize,
                        anchor: "end", attributes: "class=\"muted\"")
        }
        for (tick, label) in zip(x.ticks, x.labels) {
            let position = xPosition(tick)
            figure.line(x1: position, y1: top, x2: position, y2: bottom, classes: "grid")
            figure.text(label, x: position, y: bottom + FigureStyle.tickSize + 6, size: FigureStyle.tickSize,
                        anchor: "middle", attributes: "class=\"muted\"")
        }
        figure.line(x1: left, y1: bottom, x2: right, y2: bottom, classes: "axis")
        figure.line(x1: left, y1: top, x2: left, y2: bottom, classes: "axis")
        if let xLabel, hasXLabel {
            figure.text(xLabel, x: (left + right) / 2, y: height - 12, size: FigureStyle.labelSize,
                        anchor: "middle", attributes: "fill=\"currentColor\"")
        }
        if let yLabel, hasYLabel {
            let centre = (top + bottom) / 2, baseline = 14 + FigureStyle.labelSize
            figure.text(yLabel, x: baseline, y: centre, size: FigureStyle.labelSize, anchor: "middle",
                        attributes: "fill=\"currentColor\" transform=\"rotate(-90 \(SVGText.coordinate(baseline)) "
                            + "\(SVGText.coordinate(centre)))\"")
        }
    }

    func xPosition(_ value: Double) -> Double { x.position(of: value, from: left, to: right) }
    func yPosition(_ value: Double) -> Double { y.position(of: value, from: bottom, to: top) }

    /// Legend entries left to right, wrapping onto more rows; returns the y below the legend.
    private static func drawLegend(_ entries: [(name: String, classes: String)], in figure: inout SVGFigure,
                                   top: Double, width: Double) -> Double {
        guard !entries.isEmpty else { return top }
        let rowHeight = FigureStyle.labelSize + 8, swatch = 22.0, gap = 18.0
        let widths = entries.map { swatch + 6 + SVGText.estimatedWidth($0.name, fontSize: FigureStyle.labelSize) }
        var rows: [[Int]] = [[]]
        var rowWidth = 0.0
        for (index, entryWidth) in widths.enumerated() {
            if !rows[rows.count - 1].isEmpty && rowWidth + gap + entryWidth > width - 40 {
                rows.append([])
                rowWidth = 0
            }
            rowWidth += (rows[rows.count - 1].isEmpty ? 0 : gap) + entryWidth
            rows[rows.count - 1].append(index)
        }
        for (rowIndex, row) in rows.enumerated() {
            let total = row.map { widths[$0] }.reduce(0, +) + gap * Double(row.count - 1)
            var x = (width - total) / 2
            let y = top + Double(rowIndex) * rowHeight + rowHeight / 2
            for index in row {
                figure.add("<line x1=\"\(SVGText.coordinate(x))\" y1=\"\(SVGText.coordinate(y))\" "
                    + "x2=\"\(SVGText.coordinate(x + swatch))\" y2=\"\(SVGText.coordinate(y))\" "
                    + "class=\"\(entries[index].classes)\" stroke-width=\"3\"/>")
                figure.text(entries[index].name, x: x + swatch + 6, y: y + FigureStyle.labelSize * 0.35,
                            size: FigureStyle.labelSize, attributes: "fill=\"currentColor\"")
                x += widths[index] + gap
            }
        }
        return top + Double(rows.count) * rowHeight
    }
}
