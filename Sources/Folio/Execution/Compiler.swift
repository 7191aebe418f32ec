import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `swiftc` on generated notebook programs.
struct Compiler: Sendable {
    var toolchain: Toolchain
    /// Starts the compiler so that it dies with folio.
    var sandbox: Sandbox

    /// What `swiftc` said about a program.
    struct Outcome: Sendable {
        var succeeded: Bool
        var diagnostics: [Diagnostic]
        /// Output lines that name no source location (e.g. a linker failure).
        var unlocated: [String]

        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Compiles `program` in `directory` into `directory/notebook`.
    func build(_ program: Program, in directory: String) async throws -> Outcome {
        let main = try write(program, in: directory)
        return try await swiftc(toolchain.compileArguments(main: main, output: directory + "/notebook"), in: directory)
    }

    /// Type-checks `program` in `directory` without producing code.
    func typecheck(_ program: Program, in directory: String) async throws -> Outcome {
        let main = try write(program, in: directory)
        return try await swiftc(toolchain.typecheckArguments(main: main), in: directory)
    }

    private func write(_ program: Program, in directory: String) throws -> String {
        let main = directory + "/main.swift"
        try program.source.write(toFile: main, atomically: false, encoding: .utf8)
        return main
    }

    private func swiftc(_ arguments: [String], in directory: String) async throws -> Outcome {
        let logPath = directory + "/swiftc.log"
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard log >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: logPath]) }
        let process: ChildProcess
        do {
            defer { close(log) }
            process = try ProcessLauncher.shared.spawn(sandbox.compilerCommand([toolchain.swiftc] + arguments),
                                                       environment: ProcessInfo.processInfo.environment, output: log)
        }
        let termination = await process.termination()
        let text = String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self)
        let (diagnostics, unlocated) = Diagnostic.parse(text)
        return Outcome(succeeded: termination == .exited(0), diagnostics: diagnostics, unlocated: unlocated)
    }
}
