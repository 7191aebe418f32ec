import ArgumentParser
import Folio
import Foundation

/// The options that say where notebook programs run and under which limits.
struct SandboxOptions: ParsableArguments {
    @Flag(help: "Run notebook programs without the bubblewrap sandbox (network, files and environment as folio has them). Only for notebooks you trust.")
    var noSandbox = false

    @Flag(help: "Ignore the notebooks' `sandbox:` front matter (e.g. network: true), for untrusted notebooks.")
    var strictSandbox = false

    @Option(help: ArgumentHelp("Memory a notebook program's process may use, e.g. 4G or 512M.", valueName: "SIZE"),
            transform: { text in
                guard let bytes = ResourceLimits.bytes(text) else {
                    throw ValidationError("--memory-limit must be a size such as 4G, 512M or a number of bytes, got '\(text)'")
                }
                return bytes
            })
    var memoryLimit: UInt64 = ResourceLimits.defaultMemory

    @Option(help: ArgumentHelp("Processes and threads a sandboxed notebook program may run at once.", valueName: "N"))
    var processLimit: Int = ResourceLimits.defaultProcesses

    @Option(help: ArgumentHelp("Lines of output a cell keeps (head and tail; bytes: 1 MiB per 10000 lines); the cell option output-limit=LINES overrides it.", valueName: "LINES"))
    var outputLimit: Int = OutputLimit.defaultLines

    func validate() throws {
        guard processLimit >= 16 else { throw ValidationError("--process-limit must be at least 16, got \(processLimit)") }
        guard outputLimit >= 2, outputLimit <= 100_000_000 else {
            throw ValidationError("--output-limit must be a number of lines from 2 to 100000000, got \(outputLimit)")
        }
        if noSandbox && strictSandbox { throw ValidationError("--no-sandbox and --strict-sandbox exclude each other") }
    }

    /// The sandbox these options ask for, or exit 2 when it cannot be had (never falling back to no sandbox).
    func sandbox() throws -> Sandbox {
        let limits = ResourceLimits(memory: memoryLimit, processes: processLimit, output: OutputLimit(lines: outputLimit))
        do {
            return noSandbox ? try Sandbox.unsandboxed(limits: limits) : try Sandbox.sandboxed(limits: limits, strict: strictSandbox)
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
    }

    /// An executor for this machine with these options, or exit 2 when the compiler, the runtime or the sandbox is missing.
    func executor(timeout: Double) throws -> Executor {
        let sandbox = try sandbox()
        do {
            return Executor(toolchain: try Toolchain.locate(), notebookTimeout: timeout, sandbox: sandbox,
                            progress: { Console.note($0) })
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
    }

    /// Notes naming the notebooks whose front matter relaxes the sandbox, so a reviewer sees them.
    func relaxationNotes(_ documents: [Document]) -> [String] {
        guard !noSandbox && !strictSandbox else { return [] }
        return documents.compactMap { document in
            guard let relaxed = (try? SandboxPolicy(of: document))?.relaxations else { return nil }
            return "\(document.path): note: its front matter allows \(relaxed) in the sandbox (--strict-sandbox ignores that)"
        }
    }
}
