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
                } else {
                    throw CellOptionError(word: String(word))
                }
            }
        }
        let exclusive = [ignore, compileFail, shouldFail].filter { $0 }.count
        if exclusive > 1 {
            throw CellOptionError(word: "ignore, compile-fail and should-fail exclude each other")
        }
    }
}

/// An info-string word that is not a known cell option.
public struct CellOptionError: Error, Hashable, Sendable {
    public var word: String
}
