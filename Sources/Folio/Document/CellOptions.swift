/// The options written after `swift` in a code cell's info string, e.g. ```` ```swift hide-code timeout=5 ````.
public struct CellOptions: Hashable, Sendable, Codable {
    /// Shown, never compiled or run.
    public var ignore = false
    /// Must fail to compile; the diagnostics are the cell's output.
    public var compileFail = false
    /// Must trap or throw; the message is the output; later cells don't see its effects.
    public var shouldFail = false
    /// Rendered pages show the output without the code.
    public var hideCode = false
    /// Rendered pages show the code without the output.
    public var hideOutput = false
    /// The cell's own time limit in seconds.
    public var timeout: Double?
    /// The most lines of output the cell keeps (its head and tail) instead of the run's limit.
    public var outputLimit: Int?

    public init() {}

    /// Parses the words after `swift`; an unknown or malformed word is an error naming it.
    public init(words: [Substring]) throws(CellOptionError) {
        for word in words {
            switch word {
            case "ignore": ignore = true
            case "compile-fail": compileFail = true
            case "should-fail": shouldFail = true
            case "hide-code": hideCode = true
            case "hide-output": hideOutput = true
            default:
                if word.hasPrefix("timeout="), let seconds = Double(word.dropFirst("timeout=".count)), seconds > 0, seconds.isFinite {
                    timeout = seconds
                } else if word.hasPrefix("output-limit="), let lines = Int(word.dropFirst("output-limit=".count)), lines > 0 {
                    outputLimit = lines
                } else if word.hasPrefix("output-limit=") {
                    throw CellOptionError(word: String(word), message: "'\(word)': output-limit must be a positive number of lines")
                } else if word.hasPrefix("timeout=") {
                    throw CellOptionError(word: String(word), message: "'\(word)': timeout must be a positive number of seconds")
                } else {
                    throw CellOptionError(word: String(word), message: "unknown cell option '\(word)' (known: \(Self.known))")
                }
            }
            if [ignore, compileFail, shouldFail].filter({ $0 }).count > 1 {
                throw CellOptionError(word: String(word), message: "'\(word)': ignore, compile-fail and should-fail exclude each other")
            }
        }
    }

    private static let known = "ignore, compile-fail, should-fail, hide-code, hide-output, timeout=SECONDS, output-limit=LINES"
}

/// An info-string word that is not a valid cell option.
public struct CellOptionError: Error, Hashable, Sendable {
    /// The offending word.
    public var word: String
    /// What is wrong with it, for a `file:line` message.
    public var message: String
}
