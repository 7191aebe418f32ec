import Foundation

/// Where the CLI talks to people: results on stdout; progress, warnings and errors on stderr.
enum Console {
    /// A progress or error line on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A result (a check's diff) on stdout.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// The time since `start`, for progress lines: `0.4 s`.
    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = (ContinuousClock.now - start).components
        return String(format: "%.1f s", Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }
}
