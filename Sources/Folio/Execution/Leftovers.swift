import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What folio must not leave behind when it stops: the processes it started and its temporary folders.
///
/// A normal run removes each as it finishes; `removeOnSignals()` removes whatever is left when folio
/// is interrupted (Ctrl-C, SIGTERM, SIGHUP). SIGKILL runs no handler: then the children die by their
/// parent-death signal (see `ProcessLauncher`) and `removeStale()` sweeps the folders on the
/// next start.
public enum Leftovers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var processes: Set<pid_t> = []
    nonisolated(unsafe) private static var directories: Set<String> = []

    static func track(process: pid_t) { lock.withLock { _ = processes.insert(process) } }
    static func untrack(process: pid_t) { lock.withLock { _ = processes.remove(process) } }

    /// Removes `directory` (recursively) when folio is interrupted.
    public static func track(directory: String) { lock.withLock { _ = directories.insert(directory) } }

    /// Removes a tracked `directory` now. Removals hold the lock, so that a folder is never removed
    /// twice at once (two recursive removals racing can both give up half way).
    public static func remove(directory: String) {
        lock.withLock {
            try? FileManager.default.removeItem(atPath: directory)
            directories.remove(directory)
        }
    }

    /// Kills every process group folio started and removes every tracked folder.
    public static func removeAll() {
        lock.withLock {
            for pid in processes {
                ChildProcess(pid: pid).kill()
            }
            for pid in processes {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
            for folder in directories {
                try? FileManager.default.removeItem(atPath: folder)
            }
            processes = []
            directories = []
        }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove everything and exit with 128 + the signal, as a shell reports it.
    public static func removeOnSignals() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                removeAll()
                exit(128 + signal)
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// The signal sources, kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// The prefixes of the folders folio creates in the temporary directory, each followed by folio's process id.
    public static let folderPrefixes = ["folio-run-", "folio-preview-"]

    /// Removes the folders in `directory` (default: the temporary directory) that a folio which no
    /// longer runs left behind.
    public static func removeStale(in directory: String = NSTemporaryDirectory()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let prefix = folderPrefixes.first(where: name.hasPrefix),
                  let pid = pid_t(name.dropFirst(prefix.count).prefix(while: \.isNumber)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
