/// Compares the figures a fresh run drew for a cell with the figures stored next to the notebook, by
/// the data each figure records (`CellResult.Figure.data`), not by their bytes: numbers within the
/// check's tolerance, everything else exactly.
struct FigureCheck {
    var comparison: OutputComparison

    /// What is wrong with `cell`'s stored figures, and the diff from the stored data to the actual; nil
    /// when they match (also when the cell drew none and none are stored).
    func problem(of cell: Cell, in document: Document, actual figures: [CellResult.Figure]) -> (what: String, diff: String)? {
        let lines = document.figureLines(of: cell)?.references ?? []
        let storedFigures = document.storedFigures(of: cell)
        guard !(lines.isEmpty && figures.isEmpty) else { return nil }
        let folder = FigureFolder.name(forNotebook: document.path)
        let stored = zip(lines, storedFigures).enumerated().map { index, pair in
            Self.section(index, pair.1.map { $0.data ?? "(not a figure Folio drew)\n" } ?? "(file \(folder)/\(pair.0.fileName) is missing)\n")
        }.joined()
        let actual = figures.enumerated().map { Self.section($0, $1.data ?? "") }.joined()
        guard !comparison.matches(stored, actual) else { return nil }
        let what = lines.isEmpty ? "figure\(figures.count == 1 ? " is" : "s are") missing"
            : figures.isEmpty ? "figure lines should be removed (the cell draws nothing)"
            : storedFigures.contains(where: { $0 == nil }) ? "figure file is missing"
            : "figure is stale"
        let place = "\(document.path):\(cell.fenceLine)"
        let diff = UnifiedDiff(old: stored, new: actual, oldLabel: "\(place) (stored figures)",
                               newLabel: "\(place) (actual figures)", same: comparison.matches)
        return (what, diff.text)
    }

    private static func section(_ index: Int, _ data: String) -> String {
        "figure \(index + 1)\n" + data
    }
}
