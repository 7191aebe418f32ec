#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The side channel on which a notebook program tells the executor where each cell's output starts.
///
/// The program's stdout and stderr both go to one output file; a cell's printed text can look like
/// anything, so cell boundaries and rich displays are never written there. Instead the runtime writes
/// records to a second file whose path the executor passes in `FOLIO_CONTROL` (removed from the
/// environment before any cell runs). Records are text lines; offsets are byte offsets in the output file:
///
///     cell <index> <offset>                      a cell starts
///     display <start> <end> <count>\n<html>\n     bytes start..<end are shown as count bytes of HTML
///     figure <count> <count>\n<svg>\n<text>\n    the running cell drew a figure: its SVG file and its description
///     expected-failure <index> failed|completed   how a `should-fail` cell ended
///     statement <line>                           a top-level statement that can throw starts
///     crash-frames <offset>...                   the program trapped or crashed with these frames of its own code
///     end <offset>                               the last cell finished
struct ControlChannel {
    /// The environment variable naming the control file.
    static let environmentKey = "FOLIO_CONTROL"

    /// The control file, open for appending (the crash handler writes its record here directly).
    let descriptor: Int32

    /// Opens the file named by `FOLIO_CONTROL` and removes the variable; nil when the program runs on its own.
    static func fromEnvironment() -> ControlChannel? {
        guard let path = getenv(environmentKey) else { return nil }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        unsetenv(environmentKey)
        guard descriptor >= 0 else { return nil }
        return ControlChannel(descriptor: descriptor)
    }

    /// Appends one record. Each record is a single `write` so a forked child's records never interleave.
    func send(_ record: String) {
        var bytes = Array(record.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += result
            }
        }
    }
}
