/// `folio check`: compares a fresh run's outputs with the output blocks stored in the document.
public struct OutputCheck: Hashable, Sendable {
    public var comparison: OutputComparison

    public init(comparison: OutputComparison = OutputComparison()) {
        self.comparison = comparison
    }

    /// The cells whose stored output or figures are stale or missing, or that failed; empty when all match.
    /// Cells that did not run (`ignore`, or after a failure) are not compared.
    public func problems(in document: Document, results: [CellResult]) -> [Problem] {
        zip(document.cells, results).compactMap { cell, result in
            let place = "\(document.path):\(cell.fenceLine)"
            switch result.status {
            case .notRun:
                return nil
            case .failed(let message):
                return Problem(cellIndex: cell.index, line: cell.fenceLine, message: message, diff: "")
            case .ok:
                // Compared as `folio run` would store it, so a run followed by a check always agrees.
                let stored = cell.output?.text ?? "", actual = OutputBlock.normalizedText(result.text)
                var found: [(what: String, diff: String)] = []
                if !comparison.matches(stored, actual) {
                    let what = cell.output == nil ? "output is missing"
                        : actual.isEmpty ? "output block should be removed (the cell prints nothing)"
                        : "output is stale"
                    let diff = UnifiedDiff(old: stored, new: actual,
                                           oldLabel: "\(place) (stored)", newLabel: "\(place) (actual)",
                                           same: comparison.matches)
                    found.append((what, diff.text))
                }
                if let figures = FigureCheck(comparison: comparison).problem(of: cell, in: document, actual: result.figures) {
                    found.append(figures)
                }
                guard !found.isEmpty else { return nil }
                return Problem(cellIndex: cell.index, line: cell.fenceLine,
                               message: found.map { "\(place): error: \($0.what)" }.joined(separator: "\n"),
                               diff: found.map(\.diff).joined())
            }
        }
    }

    /// One cell that does not check out.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var cellIndex: Int
        /// The cell's fence line.
        public var line: Int
        /// `file.md:LINE: error: ...`.
        public var message: String
        /// The unified diff from stored to actual output; empty for a failed cell.
        public var diff: String

        public var description: String { diff.isEmpty ? message : message + "\n" + diff }
    }
}
