/// A line the Swift runtime prints when a program traps, e.g. `main/nb.md:14: Precondition failed: too short`
/// or `Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range`.
struct TrapMessage: Hashable, Sendable {
    /// The kinds of message the Swift runtime prints when a program traps.
    static let kinds = ["Fatal error", "Precondition failed", "Assertion failed"]

    /// The file as the runtime names it (`main/nb.md` for notebook code: module and file name).
    var file: Substring
    var line: Int
    /// The message from its kind on: `Precondition failed: too short`.
    var message: Substring

    /// Parses `text` when it is a trap line.
    init?(_ text: Substring) {
        guard let kind = Self.kinds.first(where: { text.contains(": \($0)") }),
              let marker = text.range(of: ": \(kind)") else { return nil }
        let location = text[..<marker.lowerBound]
        guard let colon = location.lastIndex(of: ":"),
              let line = Int(location[location.index(after: colon)...]) else { return nil }
        file = location[..<colon]
        self.line = line
        message = text[text.index(marker.lowerBound, offsetBy: 2)...]
    }

    /// Whether the program stopped because an error thrown at the top level was not caught.
    var isUncaughtError: Bool { message.hasPrefix("Fatal error: Error raised at top level") }

    /// Whether the trap is in the code of the notebook whose program names it `fileName`.
    func isIn(_ fileName: String) -> Bool {
        file == fileName || file.hasSuffix("/" + fileName)
    }

    /// The last trap line in `output`.
    static func last(in output: String) -> TrapMessage? {
        output.split(separator: "\n").reversed().lazy.compactMap(TrapMessage.init).first
    }

    /// Where in the notebook the traps of one cell come from, for those whose message names another file.
    struct Origin {
        /// The notebook's file name, as trap messages from its own code name it.
        var fileName: String
        /// The .md line of the innermost notebook frame when the cell trapped (see `CrashSite`).
        var crashLine: Int?
        /// The cell's last top-level statement that can throw to have started: where an error that
        /// reached the top level came from.
        var thrownLine: Int?
        /// Whether the cell's code trapped (in the program or in a `should-fail` cell's child): only
        /// then is a line that looks like another file's trap the runtime's, not text the cell printed.
        var trapped = false

        /// The .md line `trap` came from, when known.
        func line(of trap: TrapMessage) -> Int? {
            trap.isIn(fileName) ? trap.line : trap.isUncaughtError ? thrownLine ?? crashLine : crashLine
        }
    }

    /// `output` with the locations of trap lines made relative to `cell` (`cell:2: Fatal error: ...`, or
    /// `cell 1:4:` for code of an earlier cell), so that a stored output stays true when lines above the
    /// cell change. A trap in a library (`Swift/ContiguousArrayBuffer.swift:692:`) is located at the
    /// notebook line that called it, or loses the library's location when that is unknown: a library's
    /// line numbers change with the toolchain, not with the notebook.
    static func relocating(_ output: String, in cell: Cell, of program: Program, origin: Origin) -> String {
        guard kinds.contains(where: output.contains) else { return output }
        return output.split(separator: "\n", omittingEmptySubsequences: false).map { text -> String in
            guard let trap = TrapMessage(text), trap.isIn(program.fileName) || origin.trapped else { return String(text) }
            guard let line = origin.line(of: trap), let owner = program.cell(atLine: line) else {
                return trap.isIn(program.fileName) ? String(text) : String(trap.message)
            }
            let place = owner.index == cell.index ? "cell" : "cell \(owner.index + 1)"
            return "\(place):\(line - owner.codeLine + 1): \(trap.message)"
        }.joined(separator: "\n")
    }
}
