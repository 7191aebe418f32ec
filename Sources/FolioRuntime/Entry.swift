import Tensors
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The calls Folio's generated `main.swift` makes between and around the notebook's cells.
///
/// Notebook authors never write these; the underscores keep them out of the way of their names.
public enum __Folio {
    /// Prepares the program before the first cell: unbuffered stdout (so stdout and stderr interleave
    /// as on a terminal and nothing is lost when a cell traps), the control channel, the crash handler
    /// (see `CrashFrames`), and the seed.
    public static func start(seed: UInt64) {
        setvbuf(stdout, nil, _IONBF, 0)
        Session.channel = ControlChannel.fromEnvironment()
        if let channel = Session.channel { CrashFrames.install(reportingTo: channel) }
        setRandomSeed(seed)
    }

    /// Marks the start of cell `index` (its position among the document's code cells).
    public static func beginCell(_ index: Int) {
        Session.channel?.send("cell \(index) \(Session.outputOffset())\n")
    }

    /// Marks the start of a top-level statement that can throw, at `line` of the notebook, so that
    /// an error it lets escape is reported there (the runtime's own message names no line).
    public static func statement(line: Int) {
        Session.channel?.send("statement \(line)\n")
    }

    /// Marks the normal end of the program, after the last cell.
    public static func finish() {
        Session.channel?.send("end \(Session.outputOffset())\n")
    }
}
