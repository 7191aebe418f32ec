import Foundation
import Subprocess
import SystemPackage

/// Runs `swiftc` on generated notebook programs.
struct Compiler: Sendable {
    var toolchain: Toolchain

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
        return try await swiftc(toolchain.compileArguments(main: main, output: directory + "/notebook"))
    }

    /// Type-checks `program` in `directory` without producing code.
    func typecheck(_ program: Program, in directory: String) async throws -> Outcome {
        let main = try write(program, in: directory)
        return try await swiftc(toolchain.typecheckArguments(main: main))
    }

    private func write(_ program: Program, in directory: String) throws -> String {
        let main = directory + "/main.swift"
        try program.source.write(toFile: main, atomically: false, encoding: .utf8)
        return main
    }

    private func swiftc(_ arguments: [String]) async throws -> Outcome {
        let result = try await Subprocess.run(
            .path(FilePath(toolchain.swiftc)), arguments: Arguments(arguments),
            output: .string(limit: 16 << 20), error: .combinedWithOutput)
        let (diagnostics, unlocated) = Diagnostic.parse(result.standardOutput)
        return Outcome(succeeded: result.terminationStatus.isSuccess, diagnostics: diagnostics, unlocated: unlocated)
    }
}
