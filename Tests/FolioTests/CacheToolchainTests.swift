import Folio
import XCTest

final class CacheToolchainTests: XCTestCase {
    private var root: URL!
    private var toolchain: Toolchain!
    private var calls: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-toolchain-\(UUID().uuidString)")
        let runtime = root.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime.appendingPathComponent("Modules"), withIntermediateDirectories: true)
        try Data("library v1".utf8).write(to: runtime.appendingPathComponent("libFolioRuntime.so"))
        try Data("module".utf8).write(to: runtime.appendingPathComponent("Modules/Tensors.swiftmodule"))
        calls = root.appendingPathComponent("calls")
        let swiftc = root.appendingPathComponent("swiftc")
        try Data("#!/bin/sh\necho x >> '\(calls.path)'\necho 'Swift version 6.3.1'\n".utf8).write(to: swiftc)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swiftc.path)
        let cModules = root.appendingPathComponent("CModules")
        for module in ["CBLAS", "CKernels"] {
            try FileManager.default.createDirectory(at: cModules.appendingPathComponent(module), withIntermediateDirectories: true)
            try Data("module \(module) {}".utf8).write(to: cModules.appendingPathComponent("\(module)/module.modulemap"))
        }
        toolchain = Toolchain(swiftc: swiftc.path, runtimeDirectory: runtime.path, cModulesDirectory: cModules.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var compilerRuns: Int {
        ((try? String(contentsOf: calls, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func testFingerprintNamesTheCompilerAndHasNoAbsolutePaths() throws {
        let fingerprint = try ToolchainFingerprint.of(toolchain, memoIn: nil)
        XCTAssertTrue(fingerprint.contains("swiftc: Swift version 6.3.1"), fingerprint)
        XCTAssertFalse(fingerprint.contains(root.path), "a cache restored elsewhere must still hit: \(fingerprint)")
    }

    func testChangingTheRuntimeChangesTheFingerprint() throws {
        let cache = ResultCache(directory: root.appendingPathComponent("cache"))
        let before = try ToolchainFingerprint.of(toolchain, memoIn: cache)
        try Data("library v2, rebuilt".utf8).write(to: URL(fileURLWithPath: toolchain.runtimeDirectory + "/libFolioRuntime.so"))
        XCTAssertNotEqual(before, try ToolchainFingerprint.of(toolchain, memoIn: cache))
    }

    func testCompilerVersionIsAskedOncePerCompiler() throws {
        let cache = ResultCache(directory: root.appendingPathComponent("cache"))
        let first = try ToolchainFingerprint.of(toolchain, memoIn: cache)
        let second = try ToolchainFingerprint.of(toolchain, memoIn: cache)
        XCTAssertEqual(first, second)
        XCTAssertEqual(compilerRuns, 1)
        _ = try ToolchainFingerprint.of(toolchain, memoIn: nil)
        XCTAssertEqual(compilerRuns, 2)
    }
}
