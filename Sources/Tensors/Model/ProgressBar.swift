import Foundation

/// The lines Keras's `Progbar` prints for `fit`, `evaluate` and `predict`, without wall times.
///
/// A notebook's output must be the same bytes on every run, so Folio leaves out what Keras adds
/// from the clock (`2s 5ms/step`, the ETA); everything else is Keras's: `verbose: 1` draws
/// `313/313 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.8123 - loss: 0.4012` (redrawn with `\r` after each
/// batch when the output is a terminal), `verbose: 2` prints `313/313 - accuracy: 0.8123 - loss:
/// 0.4012` once per epoch, `verbose: 0` nothing. Values have 4 decimals, `.4e` at or below 1e-3.
struct ProgressBar {
    let target: Int
    let verbose: Int
    private let redraws = isatty(STDOUT_FILENO) == 1
    private static let width = 20

    init(target: Int, verbose: Int) {
        self.target = target
        self.verbose = verbose
    }

    /// After each batch: redraws the line on a terminal.
    func update(step: Int, logs: [(String, Float)]) {
        guard verbose == 1, redraws, step < target else { return }
        FileHandle.standardOutput.write(Data(("\r" + line(step: step, logs: logs)).utf8))
    }

    /// At the end: the final line.
    func finish(logs: [(String, Float)]) {
        guard verbose == 1 || verbose == 2 else { return }
        print((verbose == 1 && redraws ? "\r" : "") + line(step: target, logs: logs))
    }

    /// The line at `step` of `target`, with `logs` in the given order.
    func line(step: Int, logs: [(String, Float)]) -> String {
        let digits = String(target).count
        let count = String(repeating: " ", count: max(0, digits - String(step).count)) + "\(step)/\(target)"
        var text = count
        if verbose == 1 {
            // Keras colours the done part green and the rest grey; a finished bar is all done, so
            // stored outputs need no colour codes. Only a terminal's redraws show a partial bar.
            let done = target > 0 ? Self.width * step / target : Self.width
            let bar = String(repeating: "━", count: done)
            let rest = String(repeating: "━", count: Self.width - done)
            text += " " + (done == Self.width ? bar : "\u{1B}[32m\(bar)\u{1B}[0m\u{1B}[37m\(rest)\u{1B}[0m")
        }
        for (name, value) in logs {
            text += " - \(name): " + Self.formatted(value, verbose: verbose)
        }
        return text
    }

    /// Keras's number format: `verbose: 1` compares the magnitude with 1e-3, `verbose: 2` the value.
    static func formatted(_ value: Float, verbose: Int) -> String {
        let number = Double(value)
        let fixed = verbose == 2 ? number > 1e-3 : abs(number) > 1e-3
        return String(format: fixed ? "%.4f" : "%.4e", number)
    }
}
