import Crypto
import Foundation

/// The part of a cache key that names how notebooks are compiled: the compiler's version text, a
/// content hash of the runtime Folio links them against (`libFolioRuntime.so` and its modules,
/// which hold the `Tensors` engine, and the C module maps), and the compile flags.
///
/// Computing it from scratch costs a `swiftc --version` and hashing a library of several MB, more
/// than a warm `folio check` may take. Both are memoised in the cache folder under the files'
/// identity (path, size, modification time), so they are recomputed only when a file changes.
/// Absolute paths are left out of the flags, so a cache restored on another machine still hits.
public enum ToolchainFingerprint {
    public static func of(_ toolchain: Toolchain, memoIn cache: ResultCache?) throws -> String {
        let runtime = URL(fileURLWithPath: toolchain.runtimeDirectory)
        let modules = runtime.appendingPathComponent("Modules")
        let moduleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: modules.path)) ?? [])
            .filter { $0.hasSuffix(".swiftmodule") }.sorted()
            .map { modules.appendingPathComponent($0) }
        let runtimeFiles = [runtime.appendingPathComponent("libFolioRuntime.so")] + moduleFiles
            + toolchain.cModuleMaps.map { URL(fileURLWithPath: $0) }
        let flags = toolchain.compileArguments(main: "main.swift", output: "notebook").map {
            $0.replacingOccurrences(of: toolchain.cModulesDirectory, with: "$C_MODULES")
                .replacingOccurrences(of: toolchain.runtimeDirectory, with: "$RUNTIME")
        }
        let swiftc = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
        return try [
            "swiftc: " + memoised("swiftc", for: [swiftc], in: cache) { try compilerVersion(toolchain.swiftc) },
            "runtime: " + memoised("runtime", for: runtimeFiles, in: cache) { try contentHash(runtimeFiles) },
            "flags: " + flags.joined(separator: " "),
        ].joined(separator: "\n")
    }

    /// `compute()`, or its value stored under `files`' identity by an earlier call.
    private static func memoised(_ name: String, for files: [URL], in cache: ResultCache?,
                                 compute: () throws -> String) throws -> String {
        guard let cache else { return try compute() }
        let identity = try files.map { file -> String in
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            let size = attributes[.size] as? Int ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file.path) \(size) \(modified)"
        }.joined(separator: "\n")
        let memo = cache.directory.appendingPathComponent("toolchain", isDirectory: true)
            .appendingPathComponent(name + "-" + SHA256.hash(data: Data(identity.utf8)).hexString)
        if let data = FileManager.default.contents(atPath: memo.path), let value = String(data: data, encoding: .utf8),
           !value.isEmpty {
            return value
        }
        let value = try compute()
        // A memo that cannot be written only costs the next run the same computation.
        try? FileManager.default.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(value.utf8).write(to: memo, options: .atomic)
        return value
    }

    private static func compilerVersion(_ swiftc: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func contentHash(_ files: [URL]) throws -> String {
        var hash = SHA256()
        for file in files {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hash.update(data: chunk)
            }
        }
        return hash.finalize().hexString
    }
}
