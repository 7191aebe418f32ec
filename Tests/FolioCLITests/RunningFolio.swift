import Foundation
import XCTest

/// A `folio` started in the background, to be signalled or killed while its notebook program runs.
struct RunningFolio {
    let process: Process
    let stdout: URL
    let stderr: URL

    var pid: pid_t { process.processIdentifier }

    /// The running notebook programs this folio started: processes whose executable is `notebook`
    /// in one of its scratch folders (`folio-run-PID-...`).
    var programs: [pid_t] {
        let marker = "/folio-run-\(pid)-"
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let candidate = pid_t(entry),
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                  let first = commandLine.split(separator: 0).first else { return nil }
            let executable = String(decoding: first, as: UTF8.self)
            return executable.contains(marker) && executable.hasSuffix("/notebook") ? candidate : nil
        }
    }

    /// The scratch folders of this folio that exist now.
    var scratchFolders: [String] {
        let temporary = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [])
            .filter { $0.hasPrefix("folio-run-\(pid)-") }
    }

    /// Waits until `condition` holds, for at most `seconds`; fails the test otherwise.
    static func wait(_ seconds: Double = 60, for what: String, file: StaticString = #filePath, line: UInt = #line,
                     until condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { return XCTFail("timed out waiting for \(what)", file: file, line: line) }
            usleep(50_000)
        }
    }

    func read(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }
}

extension FolioProcess {
    /// Starts `folio arguments...` in the directory (or `workingDirectory`), with `environment` added
    /// to the test's environment, without waiting for it.
    func start(_ arguments: [String], in workingDirectory: URL? = nil, environment: [String: String] = [:]) throws -> RunningFolio {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = workingDirectory ?? directory
        let name = UUID().uuidString
        let stdout = directory.appendingPathComponent(".stdout-\(name)"), stderr = directory.appendingPathComponent(".stderr-\(name)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return RunningFolio(process: process, stdout: stdout, stderr: stderr)
    }
}
