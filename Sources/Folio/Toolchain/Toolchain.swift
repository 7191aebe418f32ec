import Foundation

/// Where the Swift compiler and Folio's prebuilt runtime are, to compile notebook programs.
///
/// SwiftPM puts `libFolioRuntime.so` (the runtime and the `Tensors` engine) and the module files
/// (`Modules/*.swiftmodule`) next to the `folio` executable, so the runtime directory defaults to the
/// running executable's directory; `FOLIO_RUNTIME_DIR` overrides it for installs. `swiftc` is found
/// through `FOLIO_SWIFTC` or `PATH`.
///
/// `Tensors` imports the C modules `CBLAS` and `CKernels` internally, and the compiler still loads
/// them when a program imports `Tensors`; their module maps live in the package sources, so Folio
/// ships copies as resources (`Resources/CModules`, each kept equal to its target's) and points
/// the compiler at them.
public struct Toolchain: Hashable, Sendable {
    /// Path of the `swiftc` executable.
    public var swiftc: String
    /// The directory holding `libFolioRuntime.so` and `Modules/`.
    public var runtimeDirectory: String
    /// `llvm-symbolizer` (shipped next to `swiftc`), which finds the .md line of a trap in a library call.
    public var symbolizer: String? {
        let path = URL(fileURLWithPath: swiftc).deletingLastPathComponent().appendingPathComponent("llvm-symbolizer").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The directory holding a copy of each C module in `cModuleNames`, which programs importing `Tensors` need.
    public var cModulesDirectory: String

    /// The C modules `Tensors` imports, each in a folder of that name in `cModulesDirectory`.
    static let cModuleNames = ["CBLAS", "CKernels"]

    public init(swiftc: String, runtimeDirectory: String, cModulesDirectory: String) {
        self.swiftc = swiftc
        self.runtimeDirectory = runtimeDirectory
        self.cModulesDirectory = cModulesDirectory
    }

    /// The module map of each C module `Tensors` imports.
    var cModuleMaps: [String] {
        Self.cModuleNames.map { cModulesDirectory + "/" + $0 + "/module.modulemap" }
    }

    /// Finds the compiler and the runtime for this process, or says what is missing and how to fix it.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ToolchainError) -> Toolchain {
        let runtimeDirectory = environment["FOLIO_RUNTIME_DIR"] ?? executableDirectory()
        for required in ["libFolioRuntime.so", "Modules/Tensors.swiftmodule", "Modules/FolioRuntime.swiftmodule"] {
            let path = runtimeDirectory + "/" + required
            guard FileManager.default.fileExists(atPath: path) else {
                throw ToolchainError(message: "the notebook runtime is missing: \(path) does not exist"
                    + " (run `swift build`, or set FOLIO_RUNTIME_DIR to the directory holding libFolioRuntime.so and Modules/)")
            }
        }
        guard let swiftc = environment["FOLIO_SWIFTC"] ?? searchPath(for: "swiftc", in: environment["PATH"] ?? "") else {
            throw ToolchainError(message: "swiftc was not found on PATH (or set FOLIO_SWIFTC to its path)")
        }
        let toolchain = Toolchain(swiftc: swiftc, runtimeDirectory: runtimeDirectory,
                                  cModulesDirectory: Bundle.module.bundleURL.appendingPathComponent("Resources/CModules").path)
        if let missing = toolchain.cModuleMaps.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw ToolchainError(message: "Folio's resources are missing: \(missing) was not found next to the folio executable")
        }
        return toolchain
    }

    /// The arguments that compile `main` into the executable `output`, linked against the runtime,
    /// with line tables so that a trap's stack trace leads back to the notebook's line.
    func compileArguments(main: String, output: String) -> [String] {
        [main, "-o", output, "-gline-tables-only"] + moduleArguments
            + ["-L", runtimeDirectory, "-lFolioRuntime", "-Xlinker", "-rpath", "-Xlinker", runtimeDirectory]
    }

    /// The arguments that only type-check `main`.
    func typecheckArguments(main: String) -> [String] {
        ["-typecheck", main] + moduleArguments
    }

    private var moduleArguments: [String] {
        ["-I", runtimeDirectory + "/Modules"] + cModuleMaps.flatMap { ["-Xcc", "-fmodule-map-file=" + $0] }
            + ["-diagnostic-style", "llvm", "-module-name", "main"]
    }

    private static func executableDirectory() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }

    private static func searchPath(for name: String, in path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Folio cannot compile notebooks here: the compiler or the runtime is missing.
public struct ToolchainError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}
