import Tensors

/// Largest matrix shown as a table of numbers; bigger ones are drawn as a heatmap.
private let tableLimit = (rows: 12, columns: 12)
/// Whether a matrix is small enough to show as a table of its values (and to write values in a heatmap's cells).
func fitsTable(rows: Int, columns: Int) -> Bool {
    rows <= tableLimit.rows && columns <= tableLimit.columns
}

/// Most heatmap cells per side; larger matrices are averaged down to this.
private let heatmapLimit = 128

/// A rich HTML view of a 2-D tensor for rendered pages: a compact `<table>` of its values when
/// it is small, an inline SVG heatmap when it is not. Nil for other ranks (their text form is enough).
public func tensorHTML(_ t: Tensor) -> String? {
    guard t.rank == 2 else { return nil }
    let rows = t.shape[0], columns = t.shape[1]
    if fitsTable(rows: rows, columns: columns) {
        return tensorTable(t, rows: rows, columns: columns)
    }
    return tensorHeatmap(t, rows: rows, columns: columns)
}

/// The values in numpy's format for the whole array, so every cell shares one notation and precision.
private func tensorTable(_ t: Tensor, rows: Int, columns: Int) -> String {
    let texts = t.scalarTexts
    var html = "<table class=\"tensor\"><caption>\(t.dtype) \(t.shape)</caption>\n<tr><th></th>"
    for column in 0..<columns { html += "<th>\(column)</th>" }
    html += "</tr>\n"
    for row in 0..<rows {
        html += "<tr><th>\(row)</th>"
        for column in 0..<columns {
            html += "<td>\(texts[row * columns + column])</td>"
        }
        html += "</tr>\n"
    }
    return html + "</table>"
}

/// An SVG grid with one cell per value (or per averaged block of values): blue for negative,
/// red for positive, white at zero, scaled by the largest magnitude.
private func tensorHeatmap(_ t: Tensor, rows: Int, columns: Int) -> String {
    let values = t.scalars
    let (grid, gridRows, gridColumns) = averagedGrid(values, rows: rows, columns: columns, limit: heatmapLimit)
    let finite = values.filter(\.isFinite)
    let range = Tensor(shape: [2], scalars: [finite.min() ?? 0, finite.max() ?? 0]).scalarTexts
    let (low, high) = (range[0], range[1])
    let scale = max(grid.lazy.filter(\.isFinite).map(abs).max() ?? 0, .leastNonzeroMagnitude)

    let size = 6, legend = 16
    let width = gridColumns * size, height = gridRows * size + legend
    var svg = "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
        + "width=\"\(width)\" height=\"\(height)\" role=\"img\">"
        + "<title>\(t.dtype) \(t.shape), min \(low), max \(high)</title>"
    for gridRow in 0..<gridRows {
        for gridColumn in 0..<gridColumns {
            let value = grid[gridRow * gridColumns + gridColumn]
            svg += "<rect x=\"\(gridColumn * size)\" y=\"\(gridRow * size)\" width=\"\(size)\" height=\"\(size)\" "
                + "fill=\"\(heatColor(value / scale))\"/>"
        }
    }
    svg += "<text x=\"0\" y=\"\(height - 4)\" font-size=\"9\">\(t.shape)  min \(low)  max \(high)</text>"
    return svg + "</svg>"
}

/// The matrix `values` (`rows` by `columns`, row-major) averaged down to at most `limit` by `limit`
/// cells: each cell the mean of the block of values it covers (so a heatmap's cells stay few).
func averagedGrid(_ values: [Float], rows: Int, columns: Int, limit: Int) -> (grid: [Double], rows: Int, columns: Int) {
    let gridRows = min(rows, limit), gridColumns = min(columns, limit)
    var grid = [Double](repeating: 0, count: gridRows * gridColumns)
    var counts = [Int](repeating: 0, count: gridRows * gridColumns)
    for row in 0..<rows {
        let gridRow = row * gridRows / max(rows, 1)
        for column in 0..<columns {
            let cell = gridRow * gridColumns + column * gridColumns / max(columns, 1)
            grid[cell] += Double(values[row * columns + column])
            counts[cell] += 1
        }
    }
    for cell in grid.indices where counts[cell] > 0 { grid[cell] /= Double(counts[cell]) }
    return (grid, gridRows, gridColumns)
}

/// `#rrggbb` for `fraction` in -1...1: blue through white to red (NaN is grey).
func heatColor(_ fraction: Double) -> String {
    guard fraction.isFinite else { return "#888888" }
    let f = min(max(fraction, -1), 1)
    let target: (Double, Double, Double) = f < 0 ? (33, 102, 172) : (178, 24, 43)
    let amount = abs(f)
    let channels = [target.0, target.1, target.2].map { Int((255 + (($0 - 255) * amount)).rounded()) }
    return "#" + channels.map { channel in
        let hex = String(channel, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
    }.joined()
}
