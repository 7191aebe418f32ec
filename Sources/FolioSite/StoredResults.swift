import Folio

extension Document {
    /// The outputs written in the file, as results: what `render --no-exec` shows.
    /// A cell without an output block has no result; stored outputs carry no rich displays.
    public var storedResults: [CellResult?] {
        cells.map { cell in cell.output.map { CellResult(status: .ok, text: $0.text) } }
    }
}
