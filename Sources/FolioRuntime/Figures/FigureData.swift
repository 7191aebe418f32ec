/// The data a figure shows, as lines of text that Folio compares when it checks a notebook: numbers
/// within the check's tolerance, the rest exactly, so a figure is stale when its data changed, not
/// when its drawing did. The first line names the kind of chart; e.g. for `plot`:
///
///     line chart
///     title: 손실
///     x: epoch
///     y:
///     series: loss
///     1 0.6931
///     2 0.5124
struct FigureData: Hashable {
    private(set) var lines: [String]

    /// Data that starts with its kind (`line chart`, `scatter`, `heatmap`).
    init(kind: String) {
        lines = [kind]
    }

    /// Adds `name: value` (a title, an axis label); the value on one line.
    mutating func field(_ name: String, _ value: String) {
        lines.append(name + ":" + (value.isEmpty ? "" : " " + SVGText.singleLine(value)))
    }

    /// Adds a line of data as is.
    mutating func row(_ text: String) {
        lines.append(SVGText.singleLine(text))
    }

    var text: String { lines.map { $0 + "\n" }.joined() }
}
