/// A formula in a notebook's prose: `$...$`, `$$...$$` or a ```` ```math ```` block.
public struct MathSpan: Hashable, Sendable {
    /// The TeX exactly as written between the delimiters.
    public var tex: String
    /// Display math (`$$...$$`, ```` ```math ````) rather than inline math (`$...$`).
    public var isDisplay: Bool
    /// The 1-based line of the file where the formula starts.
    public var line: Int

    public init(tex: String, isDisplay: Bool, line: Int) {
        self.tex = tex
        self.isDisplay = isDisplay
        self.line = line
    }
}
