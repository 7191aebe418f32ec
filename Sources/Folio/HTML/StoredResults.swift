extension Document {
    /// The outputs written in the file, with the figures its lines name, as results: what `render --no-exec`
    /// shows. A cell without an output block or figures has no result; stored outputs carry no rich displays.
    public var storedResults: [CellResult?] {
        cells.map { cell in
            let figures = storedFigures(of: cell).compactMap { $0 }
            guard cell.output != nil || !figures.isEmpty else { return nil }
            return CellResult(status: .ok, text: cell.output?.text ?? "", figures: figures)
        }
    }
}
