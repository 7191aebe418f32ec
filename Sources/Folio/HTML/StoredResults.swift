extension Document {
    /// The outputs written in the file, as results: what `render --no-exec` shows.
    /// A cell without an output block has no result; stored outputs carry no rich displays. An output
    /// that reports the cell's failure (see `CellResult.reportsFailure`) is a failed result, so that
    /// a page styles it as the error it is.
    public var storedResults: [CellResult?] {
        cells.map { cell in
            cell.output.map { output in
                let failed = !cell.options.shouldFail && !cell.options.compileFail && CellResult.reportsFailure(output.text)
                return CellResult(status: failed ? .failed(message: "") : .ok, text: output.text)
            }
        }
    }
}
