/// One compiler message: `file:line:col: error: message`, with the source excerpt lines after it.
struct Diagnostic: Hashable, Sendable {
    enum Severity: String, Hashable, Sendable, CaseIterable {
        case error, warning, note, remark
    }

    var file: String
    var line: Int
    var column: Int
    var severity: Severity
    var message: String
    /// The lines swiftc prints under the message (the source line and a caret).
    var excerpt: [String]
    /// The message as an output stored in the notebook tells it, when it names a place other than by
    /// the cell's own lines (another cell is named by its number, not its .md line, which prose edits move).
    var storedMessage: String? = nil

    /// The message located in `path` (the notebook as the user named it) instead of the file name
    /// the program used.
    func located(in path: String) -> String {
        text(location: "\(path):\(line):\(column)")
    }

    /// The message located by its line within `cell` (`cell:2:14: error: ...`), for outputs stored in
    /// the notebook: it stays true when lines above the cell are added or removed.
    func located(in cell: Cell) -> String {
        text(location: "cell:\(line - cell.codeLine + 1):\(column)", message: storedMessage ?? message)
    }

    private func text(location: String, message: String? = nil) -> String {
        (["\(location): \(severity.rawValue): \(message ?? self.message)"] + excerpt).joined(separator: "\n")
    }

    /// Parses swiftc's `-diagnostic-style llvm` output; messages without a location (and any line
    /// before the first message) are returned as `unlocated`.
    static func parse(_ output: String) -> (diagnostics: [Diagnostic], unlocated: [String]) {
        var diagnostics: [Diagnostic] = []
        var unlocated: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let diagnostic = header(String(line)) {
                diagnostics.append(diagnostic)
            } else if Severity.allCases.contains(where: { line.hasPrefix("\($0.rawValue): ") }) {
                unlocated.append(String(line))
            } else if !diagnostics.isEmpty {
                diagnostics[diagnostics.count - 1].excerpt.append(String(line))
            } else if !line.isEmpty {
                unlocated.append(String(line))
            }
        }
        for index in diagnostics.indices {
            while diagnostics[index].excerpt.last?.isEmpty == true { diagnostics[index].excerpt.removeLast() }
        }
        return (diagnostics, unlocated)
    }

    private static func header(_ line: String) -> Diagnostic? {
        for severity in Severity.allCases {
            let marker = ": \(severity.rawValue): "
            guard let markerRange = line.range(of: marker) else { continue }
            let location = line[..<markerRange.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
                  let column = Int(location[location.count - 1]) else { continue }
            return Diagnostic(file: location.dropLast(2).joined(separator: ":"), line: lineNumber, column: column,
                              severity: severity, message: String(line[markerRange.upperBound...]), excerpt: [])
        }
        return nil
    }
}
