extension Document {
    /// The figures stored for `cell`: each figure line's file read from the figures folder, with the
    /// line's alt text as description. A line whose file is missing gives nil in its place.
    public func storedFigures(of cell: Cell) -> [CellResult.Figure?] {
        let folder = FigureFolder(forNotebook: path)
        return (figureLines(of: cell)?.references ?? []).map { reference in
            folder.contents(of: reference.fileName).map { CellResult.Figure(svg: $0, description: reference.description) }
        }
    }

    /// Splices `results` into the document: each run cell's output block (see `splicing(_:)`), then its
    /// figure lines (see `splicingFigures(_:)`); cells that did not run keep theirs.
    public func splicing(results: [CellResult]) throws(DocumentError) -> [UInt8] {
        let ran = zip(cells, results).filter { $0.1.status != .notRun }
        let withOutputs = splicing(Dictionary(uniqueKeysWithValues: ran.map { ($0.0.index, $0.1.text) }))
        return try Document(path: path, bytes: withOutputs)
            .splicingFigures(Dictionary(uniqueKeysWithValues: ran.map { ($0.0.index, $0.1.figures) }))
    }
}
