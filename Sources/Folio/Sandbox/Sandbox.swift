import Foundation

/// How notebook programs and the compiler are started: inside a bubblewrap sandbox (the default),
/// or as plain children of folio (`--no-sandbox`). Both run under `limits` and die with folio.
///
/// In the sandbox a program has its own user, PID, network, IPC and UTS namespaces (no network at
/// all unless its policy allows it); sees the system's directories, the toolchain and the
/// notebook's folder read-only and a fresh, private `/tmp` as its only writable place (gone when
/// the program ends); gets a clean environment; and is killed, with every process it started,
/// when folio dies. The compiler runs with the host's file system (it writes its caches as today)
/// but in its own PID namespace, so that it too dies with folio.
public struct Sandbox: Hashable, Sendable {
    /// bubblewrap's path; nil runs unsandboxed.
    public var bubblewrap: String?
    /// util-linux's `prlimit` (sets the limits) and `setpriv` (the parent-death signal when unsandboxed).
    var prlimit: String
    var setpriv: String
    public var limits: ResourceLimits
    /// Ignore the notebooks' `sandbox` front matter key.
    public var isStrict: Bool

    /// Variables of folio's environment that a sandboxed program keeps: they change speed, not results.
    static let keptVariables = ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE"]

    /// The sandbox with the default limits, its tools looked up on PATH (or in /usr/bin) without
    /// checking that bubblewrap works here (`sandboxed()` checks).
    public static var standard: Sandbox {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/bin"
        return Sandbox(bubblewrap: find("bwrap", in: path) ?? "/usr/bin/bwrap", prlimit: find("prlimit", in: path) ?? "/usr/bin/prlimit",
                       setpriv: find("setpriv", in: path) ?? "/usr/bin/setpriv", limits: ResourceLimits(), isStrict: false)
    }

    /// What of this sandbox changes what a notebook prints, for the result cache's key: empty for the
    /// defaults, so that their entries stay valid.
    public var fingerprint: String {
        (bubblewrap == nil ? " no-sandbox" : "")
            + (limits.output == OutputLimit() ? "" : " output-limit=\(limits.output.lines)")
    }

    /// A sandbox, after checking that bubblewrap can create one here.
    public static func sandboxed(limits: ResourceLimits = ResourceLimits(), strict: Bool = false,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws(SandboxError) -> Sandbox {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        guard let bubblewrap = find("bwrap", in: path) else {
            throw SandboxError(message: "bubblewrap (bwrap) was not found on PATH: notebooks run in a bubblewrap sandbox. "
                + "Install it (`apt-get install bubblewrap`, or scripts/install-deps), or run with --no-sandbox to run them unconfined")
        }
        var sandbox = try unsandboxed(limits: limits, environment: environment)
        sandbox.bubblewrap = bubblewrap
        sandbox.isStrict = strict
        try sandbox.probe()
        return sandbox
    }

    /// Programs run as folio's children, with the limits but no confinement.
    public static func unsandboxed(limits: ResourceLimits = ResourceLimits(),
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws(SandboxError) -> Sandbox {
        let path = (environment["PATH"] ?? "") + ":/usr/bin:/bin:/usr/sbin:/sbin"
        guard let prlimit = find("prlimit", in: path), let setpriv = find("setpriv", in: path) else {
            throw SandboxError(message: "prlimit and setpriv (util-linux) were not found on PATH; Folio sets limits with them")
        }
        return Sandbox(bubblewrap: nil, prlimit: prlimit, setpriv: setpriv, limits: limits, isStrict: false)
    }

    /// What a notebook's program may do under this sandbox.
    func policy(of document: Document) throws(ExecutorError) -> SandboxPolicy {
        isStrict ? SandboxPolicy() : try SandboxPolicy(of: document)
    }

    /// The command and environment that run the program `executable` with its working directory
    /// `directory` (the notebook's folder), writing cell boundaries to `control`.
    func programCommand(executable: String, directory: String, control: String, toolchain: Toolchain,
                        policy: SandboxPolicy, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (arguments: [String], environment: [String: String]) {
        var variables = [
            // FolioRuntime's `ControlChannel.environmentKey`: where the runtime writes cell boundaries.
            "FOLIO_CONTROL": control,
            // The crash backtracer's report would land in the cell's output; the trap message is enough.
            "SWIFT_BACKTRACE": "enable=no",
            // Swift seeds its hashing per process: a printed Dictionary or Set would change order on every run.
            "SWIFT_DETERMINISTIC_HASHING": "1",
        ]
        guard let bubblewrap else {
            return ([setpriv, "--pdeathsig", "KILL", "--", "/usr/bin/env", "--chdir", directory, "--"]
                        + limits.prlimitArguments(prlimit, countingProcesses: false) + [executable],
                    environment.merging(variables) { $1 })
        }
        variables.merge(["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8"]) { $1 }
        for name in Self.keptVariables { variables[name] = environment[name] }
        var arguments = [bubblewrap, "--unshare-all"] + (policy.network ? ["--share-net"] : [])
        arguments += ["--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"]
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) { arguments += ["--setenv", name, value] }
        // /tmp lives in memory outside the program's address space: without a size, a program could
        // fill half the machine's memory there.
        arguments += ["--size", String(limits.memory), "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc"]
        arguments += Self.systemMounts()
        let toolchainRoot = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().path
        for readable in [toolchainRoot, toolchain.runtimeDirectory, directory, executable] where readable != "/usr" && !readable.hasPrefix("/usr/") {
            arguments += ["--ro-bind", readable, readable]
        }
        arguments += ["--bind", control, control, "--chdir", directory, "--"]
        return (arguments + limits.prlimitArguments(prlimit, countingProcesses: true) + [executable], [:])
    }

    /// The command that runs the compiler: in its own PID namespace when sandboxed, so that it and
    /// the frontends it starts die with folio; with a parent-death signal otherwise.
    func compilerCommand(_ arguments: [String]) -> [String] {
        guard let bubblewrap else { return [setpriv, "--pdeathsig", "KILL", "--"] + arguments }
        return [bubblewrap, "--dev-bind", "/", "/", "--unshare-pid", "--proc", "/proc", "--die-with-parent", "--"] + arguments
    }

    /// Files and folders of `/etc` that hold secrets (readable when folio runs as root), hidden in the sandbox.
    static let etcSecrets = ["/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/ssh", "/etc/ssl/private"]

    /// The system's directories, read-only: `/usr` and `/etc` (without its secrets), and the top-level
    /// `bin`/`lib` folders as the host has them (symbolic links into `/usr` on merged-/usr systems).
    static func systemMounts() -> [String] {
        var arguments = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
        for secret in etcSecrets {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: secret, isDirectory: &isDirectory) else { continue }
            arguments += isDirectory.boolValue ? ["--tmpfs", secret] : ["--ro-bind", "/dev/null", secret]
        }
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: top) {
                arguments += ["--symlink", target, top]
            } else if FileManager.default.fileExists(atPath: top) {
                arguments += ["--ro-bind", top, top]
            }
        }
        return arguments
    }

    /// Starts an empty sandbox, to refuse clearly where bubblewrap cannot create one (no user
    /// namespaces) instead of failing in every notebook.
    private func probe() throws(SandboxError) {
        guard let bubblewrap else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bubblewrap)
        process.arguments = ["--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--tmpfs", "/tmp", "--dev", "/dev",
                             "--proc", "/proc"] + Self.systemMounts() + ["--", "/bin/true"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SandboxError(message: "cannot start bubblewrap (\(bubblewrap)): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SandboxError(message: """
                bubblewrap cannot create a sandbox here: \(message.trimmingCharacters(in: .whitespacesAndNewlines))
                Notebooks run sandboxed, and this machine does not allow unprivileged user namespaces. Allow them \
                (Ubuntu 24.04: `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`; in Docker: \
                `--privileged` or `--security-opt seccomp=unconfined --security-opt apparmor=unconfined`), \
                or run trusted notebooks with --no-sandbox
                """)
        }
    }

    private static func find(_ name: String, in path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Folio cannot confine notebook programs here.
public struct SandboxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}
