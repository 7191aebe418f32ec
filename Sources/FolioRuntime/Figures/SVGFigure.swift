/// One figure's SVG file, put together from drawn elements: its size, its accessible title and
/// description, the data it shows (as `FigureData` text in a `<metadata>` element, which Folio reads
/// back to compare figures by their data), the stylesheet and the drawing.
///
/// The bytes depend only on what is drawn: no ids, no dates, coordinates with fixed decimals.
struct SVGFigure {
    let width: Int
    let height: Int
    /// What the chart is, for `<title>` (screen readers, tooltips).
    let title: String
    /// What it shows (series, ranges): `<desc>`, and the alt text of the image line in the notebook.
    let description: String
    let data: FigureData
    private var elements: [String] = []

    init(width: Int, height: Int, title: String, description: String, data: FigureData) {
        self.width = width
        self.height = height
        self.title = SVGText.singleLine(title)
        self.description = SVGText.singleLine(description)
        self.data = data
    }

    /// Adds one element, already written.
    mutating func add(_ element: String) {
        elements.append(element)
    }

    /// A text element at (x, y); `anchor` is `start`, `middle` or `end`; `attributes` are written as given.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: String = "start",
                       attributes: String = "") {
        let extra = attributes.isEmpty ? "" : " " + attributes
        add("<text x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(y))\" font-size=\"\(SVGText.coordinate(size))\" "
            + "text-anchor=\"\(anchor)\"\(extra)>\(SVGText.escaped(SVGText.singleLine(content)))</text>")
    }

    /// A straight line in class `classes`.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, classes: String) {
        add("<line x1=\"\(SVGText.coordinate(x1))\" y1=\"\(SVGText.coordinate(y1))\" x2=\"\(SVGText.coordinate(x2))\" "
            + "y2=\"\(SVGText.coordinate(y2))\" class=\"\(classes)\"/>")
    }

    /// The file's text.
    var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"folio-figure\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" style=\"max-width:100%;height:auto\" role=\"img\">\n"
            + "<title>\(SVGText.escaped(title))</title>\n"
            + "<desc>\(SVGText.escaped(description))</desc>\n"
            + "<metadata class=\"folio-data\">\n\(SVGText.escaped(data.text))</metadata>\n"
            + "<style>\(FigureStyle.stylesheet)</style>\n"
            + elements.joined(separator: "\n") + "\n</svg>\n"
    }
}
