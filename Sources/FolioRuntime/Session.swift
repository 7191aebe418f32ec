#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The running notebook program as the runtime sees it: where its output goes and who listens.
enum Session {
    /// The executor's control channel; nil when the program runs outside Folio (then markers are skipped).
    nonisolated(unsafe) static var channel: ControlChannel?

    /// The byte offset in the output file up to which everything printed so far has landed.
    static func outputOffset() -> Int {
        fflush(stdout)
        fflush(stderr)
        return Int(lseek(STDOUT_FILENO, 0, SEEK_CUR))
    }

    /// Runs `printing` and records an HTML view of exactly the bytes it printed.
    static func display(html: String?, printing: () -> Void) {
        guard let channel, let html else {
            printing()
            return
        }
        let start = outputOffset()
        printing()
        let end = outputOffset()
        channel.send("display \(start) \(end) \(html.utf8.count)\n\(html)\n")
    }

    /// Adds `figure` to the running cell: its SVG file and its description, for Folio to store next to
    /// the notebook. Outside Folio there is nowhere to put it, so nothing happens.
    static func figure(_ figure: SVGFigure) {
        guard let channel else { return }
        let svg = figure.svg, description = figure.description
        channel.send("figure \(svg.utf8.count) \(description.utf8.count)\n\(svg)\n\(description)\n")
    }
}
