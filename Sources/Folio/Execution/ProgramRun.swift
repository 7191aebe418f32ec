import Foundation
import Subprocess
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// One run of a compiled notebook program: its output file, its control records and how it ended.
///
/// stdout and stderr share one file (interleaved as on a terminal); the runtime writes cell
/// boundaries to a separate control file. The program runs in its own process group, so a timeout
/// kills it together with any `should-fail` child it forked.
struct ProgramRun: Sendable {
    enum Ending: Hashable, Sendable {
        /// Exited with this status.
        case exited(Int32)
        /// Killed by this signal (a trap is SIGILL or SIGTRAP).
        case signalled(Int32)
        /// Stopped after `seconds`, the limit of the running cell (`cell == true`) or of the notebook.
        case timedOut(seconds: Double, cell: Bool)
    }

    /// Everything the program printed.
    var output: [UInt8]
    var records: [ControlRecord]
    var ending: Ending

    /// How often the control file is read to enforce time limits.
    private static let pollMicroseconds: useconds_t = 20_000

    /// Runs `executable` in `workingDirectory`, stopping it when a cell runs longer than its limit in
    /// `cellTimeouts` (by cell index) or the whole program longer than `notebookTimeout` seconds.
    static func execute(_ executable: String, workingDirectory: String, scratch: String,
                        cellTimeouts: [Int: Double], notebookTimeout: Double) async throws -> ProgramRun {
        let outputPath = scratch + "/output"
        let controlPath = scratch + "/control"
        try FileDescriptor.open(FilePath(controlPath), .writeOnly, options: [.create, .truncate],
                                permissions: [.ownerReadWrite]).close()
        let outputFile = try FileDescriptor.open(FilePath(outputPath), .writeOnly,
                                                 options: [.create, .truncate], permissions: [.ownerReadWrite])
        defer { try? outputFile.close() }

        var options = PlatformOptions()
        options.processGroupID = 0
        let environment = Environment.inherit.updating([
            // FolioRuntime's `ControlChannel.environmentKey`: where the runtime writes cell boundaries.
            "FOLIO_CONTROL": controlPath,
            // The crash backtracer's report would land in the cell's output; the trap message is enough.
            "SWIFT_BACKTRACE": "enable=no",
        ])
        let result = try await Subprocess.run(
            .path(FilePath(executable)), environment: environment,
            workingDirectory: FilePath(workingDirectory), platformOptions: options,
            input: .none, output: .fileDescriptor(outputFile, closeAfterSpawningProcess: false),
            error: .combinedWithOutput
        ) { execution -> ProgramRun.Ending? in
            let clock = ContinuousClock()
            let started = clock.now
            var currentCell: (index: Int, since: ContinuousClock.Instant)?
            while !hasExited(execution.processIdentifier) {
                if let index = lastStartedCell(in: controlPath), index != currentCell?.index {
                    currentCell = (index, clock.now)
                }
                var limit: Ending?
                if let currentCell, let seconds = cellTimeouts[currentCell.index],
                   clock.now - currentCell.since > .seconds(seconds) {
                    limit = .timedOut(seconds: seconds, cell: true)
                } else if clock.now - started > .seconds(notebookTimeout) {
                    limit = .timedOut(seconds: notebookTimeout, cell: false)
                }
                if let limit {
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    return limit
                }
            }
            return nil
        }
        let ending: Ending
        if let timedOut = result.closureResult {
            ending = timedOut
        } else {
            switch result.terminationStatus {
            case .exited(let code): ending = .exited(Int32(code))
            case .signaled(let signal): ending = .signalled(Int32(signal))
            }
        }
        let output = FileManager.default.contents(atPath: outputPath).map { [UInt8]($0) } ?? []
        let control = FileManager.default.contents(atPath: controlPath).map { [UInt8]($0) } ?? []
        return ProgramRun(output: output, records: ControlRecord.parse(control), ending: ending)
    }

    /// Waits one poll interval, then tells whether the process has exited, without reaping it
    /// (Subprocess reaps it once the monitoring closure returns).
    private static func hasExited(_ process: ProcessIdentifier) -> Bool {
        usleep(pollMicroseconds)
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(process.value), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 ? info.si_signo == SIGCHLD : errno == ECHILD
    }

    private static func lastStartedCell(in controlPath: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: controlPath) else { return nil }
        return ControlRecord.parse([UInt8](data)).reversed().lazy.compactMap { record -> Int? in
            if case .cell(let index, _) = record { return index }
            return nil
        }.first
    }
}
