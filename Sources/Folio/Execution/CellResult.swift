/// What running one code cell produced.
public struct CellResult: Hashable, Sendable, Codable {
    public enum Status: Hashable, Sendable, Codable {
        /// Ran (or for `compile-fail`/`should-fail`, failed) as the cell's options expect.
        case ok
        /// Failed unexpectedly: a compile error, a trap, a thrown error, a timeout, or a
        /// `should-fail`/`compile-fail` cell that did not fail. `message` says which, with `file:line`.
        case failed(message: String)
        /// Not run: an `ignore` cell, or a cell after the one that stopped the notebook.
        case notRun
    }

    /// A rich view of part of `text` (a tensor as a table or heatmap), for HTML.
    public struct Display: Hashable, Sendable, Codable {
        /// The UTF-8 byte range of `text` that this view replaces in HTML.
        public var range: Range<Int>
        /// Self-contained HTML (a `<table>` or an inline `<svg>`).
        public var html: String

        public init(range: Range<Int>, html: String) {
            self.range = range
            self.html = html
        }
    }

    /// A figure the cell drew (`plot`, `scatter`, `show` of a matrix): an SVG file Folio stores next to
    /// the notebook and references from it (see `FigureFolder`).
    public struct Figure: Hashable, Sendable, Codable {
        /// The SVG file's text; its data is in its `<metadata>` (see `data`).
        public var svg: String
        /// What the figure shows, in words: the alt text of its image.
        public var description: String

        public init(svg: String, description: String) {
            self.svg = svg
            self.description = description
        }
    }

    public var status: Status
    /// Everything the cell printed (stdout and stderr interleaved), or for an expected
    /// failure the diagnostics or error message. Empty means no output block.
    public var text: String
    public var displays: [Display]
    /// The figures the cell drew, in order.
    public var figures: [Figure]

    public init(status: Status, text: String, displays: [Display] = [], figures: [Figure] = []) {
        self.status = status
        self.text = text
        self.displays = displays
        self.figures = figures
    }
}
