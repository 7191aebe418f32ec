import Foundation

/// Counts the processes and threads running in a sandbox, to stop a fork bomb at the process limit.
///
/// The kernel's per-user process limit (set too, inside the sandbox's user namespace) does not
/// apply when folio runs as root, so folio counts for itself: every task in the PID namespace of
/// bubblewrap's child.
enum SandboxProcesses {
    /// The tasks (threads included) in the PID namespace of the sandbox that bubblewrap `launcher` started; 0 before it exists.
    static func count(under launcher: pid_t) -> Int {
        guard let children = try? String(contentsOfFile: "/proc/\(launcher)/task/\(launcher)/children", encoding: .utf8),
              let inner = children.split(separator: " ").first,
              let namespace = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(inner)/ns/pid") else { return 0 }
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        return pids.compactMap { pid_t($0) }.reduce(0) { total, pid in
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/pid")) == namespace else { return total }
            return total + threads(of: pid)
        }
    }

    private static func threads(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Threads:") }) else { return 1 }
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? 1
    }
}
