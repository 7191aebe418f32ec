/// Input Folio cannot accept, with the place it was found: `file.md:LINE: message`.
public struct DocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line, or nil when the problem is the whole file (missing, unreadable).
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
