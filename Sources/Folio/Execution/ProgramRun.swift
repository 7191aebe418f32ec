import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a compiled notebook program: its output file, its control records and how it ended.
///
/// stdout and stderr share one file (interleaved as on a terminal); the runtime writes cell
/// boundaries to a separate control file. The program runs in its own process group (and when
/// sandboxed, its own PID namespace), so a limit kills it together with every process it started.
struct ProgramRun: Sendable {
    enum Ending: Hashable, Sendable {
        /// Exited with this status.
        case exited(Int32)
        /// Killed by this signal (a trap is SIGILL or SIGTRAP).
        case signalled(Int32)
        /// Stopped after `seconds`, the limit of the running cell (`cell == true`) or of the notebook.
        case timedOut(seconds: Double, cell: Bool)
        /// Stopped when its processes and threads reached the sandbox's process limit.
        case tooManyProcesses(limit: Int)
    }

    /// Everything the program printed.
    var output: [UInt8]
    var records: [ControlRecord]
    var ending: Ending

    /// How often the control file is read to enforce time limits.
    private static let poll = Duration.milliseconds(20)
    /// How often a sandbox's processes are counted.
    private static let processCountInterval = Duration.milliseconds(200)

    /// Runs the program `command` starts, stopping it when a cell runs longer than its limit in
    /// `cellTimeouts` (by cell index), the whole program longer than `notebookTimeout` seconds, or
    /// (when `processLimit` is set: in a sandbox) its processes and threads reach that many. `progress` hears of a
    /// cell that runs `progressInterval` and every `progressInterval` more.
    static func execute(_ command: (arguments: [String], environment: [String: String]), controlPath: String,
                        outputPath: String, cellTimeouts: [Int: Double], notebookTimeout: Double,
                        processLimit: Int?, progressInterval: Duration, progress: @Sendable (_ cell: Int, _ seconds: Int) -> Void) async throws -> ProgramRun {
        let outputFile = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard outputFile >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputPath]) }
        defer { close(outputFile) }
        let process = try ProcessLauncher.shared.spawn(command.arguments, environment: command.environment, output: outputFile)

        let clock = ContinuousClock()
        let started = clock.now
        var currentCell: (index: Int, since: ContinuousClock.Instant, reported: Int)?
        var lastCount = started
        var limit: Ending?
        var termination = process.poll()
        while termination == nil {
            try? await Task.sleep(for: poll)
            if let index = lastStartedCell(in: controlPath), index != currentCell?.index {
                currentCell = (index, clock.now, 0)
            }
            if let cell = currentCell {
                let running = clock.now - cell.since
                if let seconds = cellTimeouts[cell.index], running > .seconds(seconds) {
                    limit = .timedOut(seconds: seconds, cell: true)
                } else if running >= progressInterval * (cell.reported + 1) {
                    currentCell?.reported += 1
                    progress(cell.index, Int(running.components.seconds))
                }
            }
            if limit == nil && clock.now - started > .seconds(notebookTimeout) {
                limit = .timedOut(seconds: notebookTimeout, cell: false)
            }
            if limit == nil, let processLimit, clock.now - lastCount >= processCountInterval {
                lastCount = clock.now
                if SandboxProcesses.count(under: process.pid) >= processLimit { limit = .tooManyProcesses(limit: processLimit) }
            }
            if limit != nil { process.kill() }
            termination = limit == nil ? process.poll() : await process.termination()
        }
        let ending: Ending
        switch (limit, termination!) {
        case (let limit?, _): ending = limit
        // bubblewrap exits with 128 + the signal that killed the program.
        case (nil, .exited(let code)) where processLimit != nil && (129...192).contains(code): ending = .signalled(code - 128)
        case (nil, .exited(let code)): ending = .exited(code)
        case (nil, .signalled(let signal)): ending = .signalled(signal)
        }
        let output = FileManager.default.contents(atPath: outputPath).map { [UInt8]($0) } ?? []
        let control = FileManager.default.contents(atPath: controlPath).map { [UInt8]($0) } ?? []
        return ProgramRun(output: output, records: ControlRecord.parse(control), ending: ending)
    }

    private static func lastStartedCell(in controlPath: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: controlPath) else { return nil }
        return ControlRecord.parse([UInt8](data)).reversed().lazy.compactMap { record -> Int? in
            if case .cell(let index, _) = record { return index }
            return nil
        }.first
    }
}
