extension CellResult {
    /// Whether an output stored in a notebook tells that its cell failed: a compile error or a trap
    /// located in a cell (`cell:2:3: error: ...`, `cell:4: Fatal error: ...`, `cell 1:2: ...`), or the
    /// line Folio adds when the program stopped another way (`Error: cell timed out after 5 s`).
    /// What `render --no-exec` styles as an error, having no run to ask.
    public static func reportsFailure(_ text: String) -> Bool {
        if Diagnostic.parse(text).diagnostics.contains(where: { $0.severity == .error && isCellPlace($0.file) }) { return true }
        return text.split(separator: "\n").contains { line in
            if let trap = TrapMessage(line), isCellPlace(trap.file) { return true }
            return stopLinePrefixes.contains { line.hasPrefix($0) }
        }
    }

    /// How the lines `Notebook` adds for a program that stopped without a trap message begin.
    private static let stopLinePrefixes = ["Error: cell timed out", "Error: notebook timed out", "Error: the program "]

    /// `cell`, or `cell 3`: how stored outputs name places.
    private static func isCellPlace(_ file: some StringProtocol) -> Bool {
        file == "cell" || (file.hasPrefix("cell ") && Int(file.dropFirst(5)) != nil)
    }
}
