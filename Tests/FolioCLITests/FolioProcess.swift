import Foundation
import XCTest

/// The built `folio` executable, run as a user would run it, on notebooks in a temporary directory.
struct FolioProcess {
    /// What one invocation printed and returned.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh temporary directory the notebooks of one test live in.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// SwiftPM builds `folio` next to the test bundle.
    static var executable: URL {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("folio")
    }

    /// Writes `text` to `name` in the directory (creating subdirectories) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    /// Runs `folio arguments...` with the directory as working directory (or `workingDirectory`),
    /// with `environment` added to the test's environment.
    func run(_ arguments: [String], in workingDirectory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let running = try start(arguments, in: workingDirectory, environment: environment)
        running.process.waitUntilExit()
        defer { for url in [running.stdout, running.stderr] { try? FileManager.default.removeItem(at: url) } }
        return Outcome(status: running.process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: running.stdout), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: running.stderr), as: UTF8.self))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A test case with a fresh `FolioProcess` per test.
class FolioProcessTestCase: XCTestCase {
    var folio: FolioProcess!

    override func setUpWithError() throws {
        folio = try FolioProcess()
    }

    override func tearDown() {
        folio.remove()
    }
}
