import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts the processes Folio runs (the compiler, notebook programs) from one thread that lives as
/// long as folio.
///
/// A child that must die with folio asks for a parent-death signal (bubblewrap's
/// `--die-with-parent`, `setpriv --pdeathsig`), and Linux sends it when the *thread* that started
/// the child exits. The Swift runtime's worker threads come and go, so children are started here,
/// on a thread that never exits: the signal then fires only when folio itself dies, even by SIGKILL.
final class ProcessLauncher: @unchecked Sendable {
    static let shared = ProcessLauncher()

    private let condition = NSCondition()
    private var requests: [() -> Void] = []

    private init() {
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = "folio-launcher"
        thread.start()
    }

    private func serve() {
        while true {
            condition.lock()
            while requests.isEmpty { condition.wait() }
            let request = requests.removeFirst()
            condition.unlock()
            request()
        }
    }

    /// Starts `arguments` (the first is an absolute path) in folio's working directory and its own process group, with stdin
    /// from /dev/null, stdout and stderr to `output`, every signal at its default disposition, and
    /// exactly `environment`; the process is tracked in `Leftovers` until it is reaped.
    func spawn(_ arguments: [String], environment: [String: String], output: Int32) throws -> ChildProcess {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<pid_t, any Error> = .failure(CocoaError(.featureUnsupported))
        condition.lock()
        requests.append {
            result = Result { try Self.posixSpawn(arguments, environment: environment, output: output) }
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        let pid = try result.get()
        Leftovers.track(process: pid)
        return ChildProcess(pid: pid)
    }

    private static func posixSpawn(_ arguments: [String], environment: [String: String], output: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // folio ignores SIGINT and SIGTERM to handle them itself; a child starts with the defaults.
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [
                NSFilePathErrorKey: arguments[0],
                NSLocalizedDescriptionKey: "cannot start \(arguments[0]): \(String(cString: strerror(status)))",
            ])
        }
        return pid
    }
}

/// A process started by `ProcessLauncher`, the leader of its own process group.
struct ChildProcess: Sendable {
    /// How the process ended.
    enum Termination: Hashable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    let pid: pid_t

    /// Reaps the process if it has ended.
    func poll() -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        Leftovers.untrack(process: pid)
        return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }

    /// Waits for the end, polling so that no thread of the Swift runtime blocks.
    func termination() async -> Termination {
        while true {
            if let ended = poll() { return ended }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Kills the process and its process group (a sandbox's namespace dies with it).
    func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
    }
}
