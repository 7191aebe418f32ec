extension Document {
    /// The figures stored for `cell`: each figure line's file read from the figures folder, with the
    /// line's alt text as description. A line whose file is missing gives nil in its place.
    public func storedFigures(of cell: Cell) -> [CellResult.Figure?] {
        let folder = FigureFolder(forNotebook: path)
        return (figureLines(of: cell)?.references ?? []).map { reference in
            folder.contents(of: reference.fileName).map { CellResult.Figure(svg: $0, description: reference.description) }
        }
    }
}
