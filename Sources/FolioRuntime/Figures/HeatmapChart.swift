import Tensors

/// A 2-D tensor as a heatmap figure: one cell per value, blue for negative, white at zero, red for
/// positive (a diverging scheme readers with colour-vision deficiencies can read), scaled by the
/// largest magnitude, with row and column indices and a colour bar. A small matrix has its values
/// written in the cells; a large one is averaged down to at most `gridLimit` cells a side.
struct HeatmapChart {
    let tensor: Tensor
    let title: String?

    /// Most cells per side in the file (its size grows with their square).
    static let gridLimit = 64

    init(_ tensor: Tensor, title: String?) throws(FigureError) {
        guard tensor.rank == 2 else {
            throw FigureError("heatmap: a matrix (rank 2) is needed, got shape \(tensor.shape)")
        }
        guard tensor.scalarCount > 0 else {
            throw FigureError("heatmap: the matrix \(tensor.shape) has no values to draw")
        }
        self.tensor = tensor
        self.title = title
    }

    private var rows: Int { tensor.shape[0] }
    private var columns: Int { tensor.shape[1] }

    var figure: SVGFigure {
        let values = tensor.scalars
        let (grid, gridRows, gridColumns) = averagedGrid(values, rows: rows, columns: columns, limit: Self.gridLimit)
        let scale = max(grid.lazy.filter(\.isFinite).map(abs).max() ?? 0, .leastNonzeroMagnitude)
        let annotated = fitsTable(rows: rows, columns: columns)
        let cellWidth = min(56, 560 / Double(gridColumns))
        let cellHeight = min(cellWidth, 32, 420 / Double(gridRows))
        let left = 48.0, top = 12 + FigureStyle.titleSize + 12 + FigureStyle.tickSize + 8
        let gridWidth = cellWidth * Double(gridColumns), gridHeight = cellHeight * Double(gridRows)
        let width = Int((left + max(gridWidth, 240) + 20).rounded(.up))
        let height = Int((top + gridHeight + 56).rounded(.up))
        let heading = title ?? "\(tensor.dtype) \(tensor.shape)"
        var figure = SVGFigure(width: width, height: height, title: heading, description: description, data: data(grid, gridRows, gridColumns))
        figure.text(heading, x: Double(width) / 2, y: 12 + FigureStyle.titleSize, size: FigureStyle.titleSize,
                    anchor: "middle", attributes: "font-weight=\"600\" fill=\"currentColor\"")
        for row in 0..<gridRows {
            for column in 0..<gridColumns {
                let value = grid[row * gridColumns + column]
                let x = left + Double(column) * cellWidth, y = top + Double(row) * cellHeight
                figure.add("<rect x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(y))\" width=\"\(SVGText.coordinate(cellWidth))\" "
                    + "height=\"\(SVGText.coordinate(cellHeight))\" fill=\"\(heatColor(value / scale))\"/>")
                if annotated && cellWidth >= 30 && cellHeight >= 16 {
                    let index = row * columns + column
                    let text = tensor.integers.map { String($0[index]) } ?? SVGText.short(Double(values[index]))
                    let strong = abs(value / scale) > 0.55
                    figure.text(text, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, size: 11, anchor: "middle",
                                attributes: "fill=\"\(strong ? "#ffffff" : "#1f2328")\"")
                }
            }
        }
        for (index, position) in Self.indexTicks(count: columns, cells: gridColumns) {
            figure.text(String(index), x: left + (Double(position) + 0.5) * cellWidth, y: top - 6, size: FigureStyle.tickSize,
                        anchor: "middle", attributes: "class=\"muted\"")
        }
        for (index, position) in Self.indexTicks(count: rows, cells: gridRows) {
            figure.text(String(index), x: left - 6, y: top + (Double(position) + 0.5) * cellHeight + 4, size: FigureStyle.tickSize,
                        anchor: "end", attributes: "class=\"muted\"")
        }
        drawColourBar(in: &figure, x: left, y: top + gridHeight + 14, scale: scale)
        return figure
    }

    /// Which indices get a label, and the grid cell each falls in: every one when few, else nice steps.
    private static func indexTicks(count: Int, cells: Int) -> [(index: Int, cell: Int)] {
        let indices = count <= 12 ? Array(0..<count)
            : NiceScale(covering: 0, Double(count - 1), targetTicks: 6, integerSteps: true).ticks.map { Int($0) }.filter { $0 < count }
        return indices.map { ($0, $0 * cells / count) }
    }

    /// Eleven swatches from -scale to +scale, labelled at both ends and the middle.
    private func drawColourBar(in figure: inout SVGFigure, x: Double, y: Double, scale: Double) {
        let swatch = 20.0, height = 10.0
        for step in 0...10 {
            figure.add("<rect x=\"\(SVGText.coordinate(x + Double(step) * swatch))\" y=\"\(SVGText.coordinate(y))\" "
                + "width=\"\(SVGText.coordinate(swatch))\" height=\"\(SVGText.coordinate(height))\" fill=\"\(heatColor(Double(step - 5) / 5))\"/>")
        }
        let labelY = y + height + FigureStyle.tickSize + 4
        for (step, anchor) in [(0, "start"), (5, "middle"), (11, "end")] {
            let value = scale * Double(step == 11 ? 5 : step - 5) / 5
            figure.text(SVGText.short(value), x: x + Double(step) * swatch + (step == 5 ? swatch / 2 : 0),
                        y: labelY, size: FigureStyle.tickSize, anchor: anchor, attributes: "class=\"muted\"")
        }
    }

    var description: String {
        let finite = tensor.scalars.filter(\.isFinite)
        var text = "Heatmap" + (title.map { " \"\($0)\"" } ?? "") + " of a \(tensor.dtype) matrix \(tensor.shape)"
        if let low = finite.min(), let high = finite.max() {
            text += ", values from \(compactDecimal(low)) to \(compactDecimal(high))"
        }
        if finite.count < tensor.scalarCount { text += " (\(tensor.scalarCount - finite.count) not finite, grey)" }
        if rows > Self.gridLimit || columns > Self.gridLimit { text += ", averaged in blocks" }
        return text
    }

    /// The drawn cells' values, one line per row (block averages for a large matrix).
    private func data(_ grid: [Double], _ gridRows: Int, _ gridColumns: Int) -> FigureData {
        var data = FigureData(kind: "heatmap")
        data.field("title", title ?? "")
        data.field("shape", "\(rows) \(columns)")
        if gridRows < rows || gridColumns < columns { data.field("averaged to", "\(gridRows) \(gridColumns)") }
        for row in 0..<gridRows {
            let cells = (0..<gridColumns).map { SVGText.value(Float(grid[row * gridColumns + $0])) }
            data.row("row \(row): " + cells.joined(separator: " "))
        }
        return data
    }
}
