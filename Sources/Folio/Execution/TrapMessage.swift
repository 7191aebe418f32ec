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

    /// `output` with the notebook locations of trap lines made relative to `cell` (`cell:2: Fatal error: ...`),
    /// so that a stored output stays true when lines above the cell change.
    static func relocating(_ output: String, in cell: Cell, of program: Program) -> String {
        guard kinds.contains(where: output.contains) else { return output }
        return output.split(separator: "\n", omittingEmptySubsequences: false).map { text -> String in
            guard let trap = TrapMessage(text), trap.isIn(program.fileName),
                  let owner = program.cell(atLine: trap.line) else { return String(text) }
            let place = owner.index == cell.index ? "cell" : "cell \(owner.index + 1)"
            return "\(place):\(trap.line - owner.codeLine + 1): \(trap.message)"
        }.joined(separator: "\n")
    }
}
