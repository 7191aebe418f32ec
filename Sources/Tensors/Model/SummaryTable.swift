import Foundation

/// A table laid out as Keras's `model.summary()` lays it out through the `rich` library: heavy
/// header box, a line between rows, column widths from Keras's relative `positions` of a
/// `lineLength`-wide line, shrunk as rich shrinks them to fit the borders, long cells wrapped on
/// words and cut with `…` where a word does not fit.
struct SummaryTable {
    enum Alignment {
        case left
        case right
    }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]]

    /// The table's lines, each `lineLength` characters wide.
    func lines(lineLength: Int, positions: [Double]) -> [String] {
        let widths = Self.columnWidths(lineLength: lineLength, positions: positions)
        func border(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0) }.joined(separator: middle) + right
        }
        // rich sets the header row's cells at the bottom of the row, the body's at the top.
        func row(_ cells: [String], separator: String, bottomAligned: Bool = false) -> [String] {
            let wrapped = zip(cells, widths).map { Self.wrap($0, width: $1 - 2) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let texts = zip(wrapped, zip(columns, widths)).map { cellLines, column in
                    let index = bottomAligned ? line - (height - cellLines.count) : line
                    let text = cellLines.indices.contains(index) ? cellLines[index] : ""
                    let padding = String(repeating: " ", count: column.1 - 2 - text.count)
                    return " " + (column.0.alignment == .left ? text + padding : padding + text) + " "
                }
                return separator + texts.joined(separator: separator) + separator
            }
        }
        var lines = [border("┏", "━", "┳", "┓")]
        lines += row(columns.map(\.title), separator: "┃", bottomAligned: true)
        lines.append(border("┡", "━", "╇", "┩"))
        for (index, cells) in rows.enumerated() {
            if index > 0 { lines.append(border("├", "─", "┼", "┤")) }
            lines += row(cells, separator: "│")
        }
        lines.append(border("└", "─", "┴", "┘"))
        return lines
    }

    /// Each column's width inside the borders, padding included. Keras asks for
    /// `positions[i] · lineLength` minus the previous position plus rich's padding of 2; rich then
    /// takes the excess over `lineLength` minus the borders from every column in turn, rounding
    /// half to even as Python does (`rich._ratio.ratio_reduce`).
    static func columnWidths(lineLength: Int, positions: [Double]) -> [Int] {
        var requested: [Int] = []
        var current = 0
        for position in positions {
            let width = Int(position * Double(lineLength)) - current
            requested.append(width + 2)
            current += width
        }
        let available = lineLength - (positions.count + 1)
        var excess = requested.reduce(0, +) - available
        guard excess > 0 else { return requested }
        var remainingRatio = requested.count
        return requested.map { width in
            let taken = min(width, Int((Double(excess) / Double(remainingRatio)).rounded(.toNearestOrEven)))
            excess -= taken
            remainingRatio -= 1
            return width - taken
        }
    }

    /// `text` in lines of at most `width` characters, broken between words as rich breaks them;
    /// a word longer than a line is cut with `…`.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        return lines.map { $0.count <= width ? $0 : String($0.prefix(max(width - 1, 0))) + "…" }
    }
}
