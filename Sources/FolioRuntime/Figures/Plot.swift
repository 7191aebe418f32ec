import Tensors

/// Draws a line chart, one line per series, each value at x = 1, 2, 3, ... (epochs, steps), and adds
/// it to the cell's figures (a file next to the notebook, an image in the page and in Jupyter).
///
///     plot(["loss": losses, "val_loss": validationLosses], title: "손실", xLabel: "epoch")
///
/// Series keep the order written. NaN and infinite values are left out of the line. Stops the cell with
/// a message when there is no series or every series is empty.
public func plot(_ series: KeyValuePairs<String, [Float]>, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
    draw { () throws(FigureError) in
        try LineChart(series: series.map { ($0.key, $0.value) }, title: title, xLabel: xLabel, yLabel: yLabel).figure
    }
}

/// Draws the rows of `points`, a tensor of shape (n, 2), as a scatter plot, with `labels[i]` next to
/// point `i` (placed so labels overlap as little as they can), and adds it to the cell's figures.
///
///     scatter(vectors, labels: words, title: "단어 벡터 (2-D)")
///
/// Stops the cell with a message when `points` is not (n, 2) or `labels` does not have n entries.
public func scatter(_ points: Tensor, labels: [String]? = nil, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
    draw { () throws(FigureError) in
        guard points.rank == 2, points.shape[1] == 2 else {
            throw FigureError("scatter: points must have shape (n, 2), one row per point; got \(points.shape)")
        }
        let values = points.scalars
        let pairs = (0..<points.shape[0]).map { (x: values[2 * $0], y: values[2 * $0 + 1]) }
        return try ScatterChart(points: pairs, labels: labels, title: title, xLabel: xLabel, yLabel: yLabel).figure
    }
}

/// Adds the figure `make` draws to the cell, or stops the cell with the reason it cannot be drawn.
func draw(_ make: () throws(FigureError) -> SVGFigure) {
    do {
        Session.figure(try make())
    } catch {
        fatalError(error.description)
    }
}
