/// Why Folio could not run a notebook at all (not a problem of one cell): e.g. the compiler
/// failed without pointing at any cell.
public struct ExecutorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
