import Folio

extension Document {
    /// The outputs written in the file, with the figures its lines name, as results: what `render --no-exec`
    /// shows. A cell without an output block or figures has no result; stored outputs carry no rich
    /// displays. An output that reports the cell's failure (see `CellResult.reportsFailure`) is a failed
    /// result, so that a page styles it as the error it is.
    public var storedResults: [CellResult?] {
        cells.map { cell in
            let figures = storedFigures(of: cell).compactMap { $0 }
            guard cell.output != nil || !figures.isEmpty else { return nil }
            let text = cell.output?.text ?? ""
            let failed = !cell.options.shouldFail && !cell.options.compileFail && CellResult.reportsFailure(text)
            return CellResult(status: failed ? .failed(message: "") : .ok, text: text, figures: figures)
        }
    }
}
