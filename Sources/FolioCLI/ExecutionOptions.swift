import ArgumentParser
import Folio
import Foundation

/// The arguments every command that runs notebooks takes.
struct ExecutionOptions: ParsableArguments {
    @Argument(help: "Notebooks (.md files) or directories searched recursively for them.")
    var paths: [String] = ["Notebooks/"]

    @Option(parsing: .unconditional, help: "Seconds a notebook may run before it is stopped.")
    var timeout: Double = Executor.defaultNotebookTimeout

    @OptionGroup var sandbox: SandboxOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
    }

    /// The documents named by `paths`, all parsed before anything runs: on bad input every
    /// problem is printed and the command exits with 2, having written nothing.
    func documents() throws -> [Document] {
        try Self.documents(at: paths)
    }

    /// The documents to run, or exit 2 when `paths` hold none: running nothing is not a pass.
    func documentsToRun() throws -> [Document] {
        let documents = try documents()
        guard !documents.isEmpty else {
            Console.note("error: no notebooks (.md files) found in \(paths.joined(separator: ", "))")
            throw ExitCode.badInput
        }
        sandbox.relaxationNotes(documents).forEach(Console.note)
        return documents
    }

    /// The documents named by `paths` (notebooks or folders of them), or exit 2 after printing
    /// every problem.
    static func documents(at paths: [String]) throws -> [Document] {
        let files: [String]
        do {
            files = try NotebookPaths.expand(paths)
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
        var documents: [Document] = []
        var errors: [DocumentError] = []
        for file in files {
            do throws(DocumentError) {
                documents.append(try Document(contentsOf: file))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            errors.forEach { Console.note($0.description) }
            throw ExitCode.badInput
        }
        return documents
    }

    /// An executor for this machine, or exit 2 when the compiler, the runtime or the sandbox is missing.
    func executor() throws -> Executor {
        try sandbox.executor(timeout: timeout)
    }
}
