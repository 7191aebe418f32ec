import Foundation
import XCTest

/// Notebook programs run in a bubblewrap sandbox by default: no network, a read-only file system
/// apart from a private /tmp, a clean environment, limits on processes and memory.
final class SandboxCommandTests: FolioProcessTestCase {
    /// A socket listening on 127.0.0.1, which a program outside the sandbox can reach.
    private func listen() throws -> (socket: Int32, port: UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && Glibc.listen(listener, 8) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return (listener, UInt16(bigEndian: address.sin_port))
    }

    private func connecting(to port: UInt16, frontMatter: String = "") -> String {
        """
        \(frontMatter)```swift
        import Glibc
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(\(port)).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, String(cString: strerror(errno)))
        print("connected")
        ```

        """
    }

    func testAConnectionTo127001FailsInTheSandboxWithAHintAndWorksWhereAllowed() throws {
        let (listener, port) = try listen()
        defer { close(listener) }
        try folio.write("net.md", connecting(to: port))
        let refused = try folio.run(["run", "--no-cache", "net.md"])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertFalse(try folio.read("net.md").contains("```output\nconnected"))
        XCTAssertTrue(refused.stderr.contains("sandbox, which has no network"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("sandbox: { network: true }"), refused.stderr)

        // The same cell reaches the listener unsandboxed, and with the front matter key.
        let unsandboxed = try folio.run(["run", "--no-cache", "--no-sandbox", "net.md"])
        XCTAssertEqual(unsandboxed.status, 0, unsandboxed.stderr)
        XCTAssertTrue(try folio.read("net.md").contains("```output\nconnected\n```"))
        try folio.write("allowed.md", connecting(to: port, frontMatter: "---\nsandbox: { network: true }\n---\n\n"))
        let allowed = try folio.run(["run", "--no-cache", "allowed.md"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("allowed.md: note: its front matter allows network"), allowed.stderr)
        // --strict-sandbox ignores the key.
        let strict = try folio.run(["check", "--no-cache", "--strict-sandbox", "allowed.md"])
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue((strict.stdout + strict.stderr).contains("no network"), strict.stdout + strict.stderr)
    }

    func testABadSandboxKeyIsAnErrorNamingTheFile() throws {
        try folio.write("nb.md", "---\nsandbox: { files: true }\n---\n\n```swift\nprint(1)\n```\n")
        let outcome = try folio.run(["run", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md: error: front matter 'sandbox' has an unknown key 'files'"), outcome.stderr)
    }

    func testTheNotebookFolderIsReadOnlyAndWritesToTmpVanish() throws {
        try folio.write("data.txt", "lesson data\n")
        let marker = "folio-sandbox-test-\(UUID().uuidString)"
        try folio.write("nb.md", """
            ```swift
            import Foundation
            print(try String(contentsOfFile: "data.txt", encoding: .utf8), terminator: "")
            try "scratch".write(toFile: "/tmp/\(marker)", atomically: false, encoding: .utf8)
            print(try String(contentsOfFile: "/tmp/\(marker)", encoding: .utf8))
            ```

            ```swift
            try "x".write(toFile: "written.txt", atomically: false, encoding: .utf8)
            ```

            """)
        let outcome = try folio.run(["run", "nb.md"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(try folio.read("nb.md").contains("```output\nlesson data\nscratch\n```"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folio.directory.appendingPathComponent("written.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/\(marker)"), "a write to the sandbox's /tmp reached the host")
        XCTAssertTrue(outcome.stderr.contains("Read-only file system"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("note: the cell ran in Folio's sandbox, where only /tmp is writable"), outcome.stderr)
    }

    func testTheProgramSeesNoSecretsOfFoliosEnvironmentOrHome() throws {
        let home = folio.directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("id_rsa".utf8).write(to: home.appendingPathComponent(".secret"))
        try folio.write("lesson/nb.md", """
            ```swift
            import Foundation
            let environment = ProcessInfo.processInfo.environment
            print(environment.keys.filter { $0.contains("TOKEN") || $0.contains("SECRET") }.sorted())
            print(environment["HOME"] ?? "no HOME")
            print(FileManager.default.fileExists(atPath: "\(home.path)/.secret"))
            print(((try? String(contentsOfFile: "/etc/shadow", encoding: .utf8)) ?? "").isEmpty)
            ```

            """)
        let outcome = try folio.run(["run", "lesson/nb.md"],
                                    environment: ["GITHUB_TOKEN": "ghp_secret", "AWS_SECRET_ACCESS_KEY": "x", "HOME": home.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("lesson/nb.md")
        XCTAssertTrue(written.contains("```output\n[]\n/tmp\nfalse\ntrue\n```"), written)
    }

    func testAForkBombIsStoppedAtTheProcessLimitAndLeavesNoProcess() throws {
        try folio.write("bomb.md", """
            ```swift
            import Glibc
            while true { if fork() == 0 { while true { sleep(1) } } }
            ```

            ```swift
            print("never")
            ```

            """)
        let running = try folio.start(["run", "--process-limit", "64", "--timeout", "120", "bomb.md"])
        running.process.waitUntilExit()
        let stderr = running.read(running.stderr)
        XCTAssertEqual(running.process.terminationStatus, 1, stderr)
        XCTAssertTrue(stderr.contains("bomb.md:1: error: the cell reached the sandbox's limit of 64 processes and threads"), stderr)
        XCTAssertTrue(stderr.contains("--process-limit"), stderr)
        XCTAssertTrue(running.programs.isEmpty, "processes of the fork bomb are left")
    }

    func testAMemoryBombIsStoppedWithTheMemoryLimitMessage() throws {
        try folio.write("memory.md", """
            ```swift
            var kept: [[UInt8]] = []
            for _ in 0..<64 { kept.append([UInt8](repeating: 1, count: 64 << 20)) }
            print(kept.count)
            ```

            """)
        let outcome = try folio.run(["run", "--memory-limit", "512M", "memory.md"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("memory.md:1: error: the program reached the memory limit of 512 MiB"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("--memory-limit"), outcome.stderr)
        XCTAssertTrue(try folio.read("memory.md").contains("Error: the program reached the memory limit of 512 MiB"))
    }

    func testTheSandboxsTmpHoldsNoMoreThanTheMemoryLimit() throws {
        try folio.write("fill.md", """
            ```swift
            import Foundation
            let chunk = Data(count: 100 << 20)
            let written = (0..<8).prefix { FileManager.default.createFile(atPath: "/tmp/fill\\($0)", contents: chunk) }.count
            print("files of 100 MiB written:", written)
            ```

            """)
        let outcome = try folio.run(["run", "--memory-limit", "512M", "fill.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("fill.md")
        XCTAssertTrue(written.contains("files of 100 MiB written: 5\n"), written)
    }

    func testFolioRefusesToRunUnsandboxedWhereBubblewrapCannotStart() throws {
        // A bwrap that fails as it does without user namespaces.
        let bin = folio.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("bwrap")
        try Data("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n".utf8).write(to: fake)
        chmod(fake.path, 0o755)
        try folio.write("nb.md", "```swift\nprint(1)\n```\n")
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for command in ["run", "check", "render"] {
            let outcome = try folio.run([command, "nb.md"], environment: ["PATH": path])
            XCTAssertEqual(outcome.status, 2, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("bubblewrap cannot create a sandbox here: bwrap: No permissions"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("--no-sandbox"), outcome.stderr)
            XCTAssertEqual(try folio.read("nb.md"), "```swift\nprint(1)\n```\n", "nothing ran")
        }
        let unsandboxed = try folio.run(["run", "--no-sandbox", "nb.md"], environment: ["PATH": path])
        XCTAssertEqual(unsandboxed.status, 0, unsandboxed.stderr)
        XCTAssertTrue(try folio.read("nb.md").contains("```output\n1\n```"))
    }
}
