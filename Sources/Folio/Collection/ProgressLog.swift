import Foundation

/// Writes a batch's progress as text, e.g. to stderr.
///
/// `.lines` (CI logs): one line per notebook, `[K/N] ran|cached|FAILED path (T s)`, in the batch's
/// order whatever order the notebooks finish in, so logs of `--jobs 1` and `--jobs 8` read alike.
/// `.live` (a terminal): a line per notebook as it finishes, under a status line, redrawn in place,
/// that names the notebooks still running. The caller picks the style (`folio` uses `.live` when
/// stderr is a terminal).
public final class ProgressLog: BatchProgress, @unchecked Sendable {
    public enum Style: Sendable {
        case lines
        case live
    }

    private let style: Style
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    // Guarded by `lock`:
    /// Notebooks started and not finished, in start order.
    private var running: [String] = []
    private var done = 0
    private var total = 0
    /// `.lines`: finished lines waiting for the notebooks before them, by position.
    private var pending: [Int: String] = [:]
    private var nextPosition = 0

    public init(style: Style, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.write = write
    }

    public func started(_ path: String, position: Int, of total: Int) {
        lock.withLock {
            running.append(path)
            self.total = total
            if style == .live { write(Self.clearLine + statusLine) }
        }
    }

    public func finished(_ path: String, position: Int, disposition: NotebookDisposition, duration: Duration,
                         done: Int, of total: Int) {
        lock.withLock {
            running.removeAll { $0 == path }
            self.done = done
            self.total = total
            let report = "\(disposition.word) \(path) (\(duration.secondsText) s)\n"
            switch style {
            case .lines:
                pending[position] = "[\(position + 1)/\(total)] " + report
                while let line = pending.removeValue(forKey: nextPosition) {
                    write(line)
                    nextPosition += 1
                }
            case .live:
                write(Self.clearLine + "[\(done)/\(total)] " + report + (running.isEmpty ? "" : statusLine))
            }
        }
    }

    /// `\r` + erase to end of line: the status line is redrawn where it was.
    private static let clearLine = "\r\u{1B}[K"

    /// One short line, so it never wraps (a wrapped line cannot be redrawn with `\r`).
    private var statusLine: String {
        let others = running.count > 1 ? " (+\(running.count - 1) more)" : ""
        return "[\(done)/\(total)] running \(running[0])\(others)"
    }
}

extension NotebookDisposition {
    fileprivate var word: String {
        switch self {
        case .ran: return "ran"
        case .cached: return "cached"
        case .failed: return "FAILED"
        }
    }
}
