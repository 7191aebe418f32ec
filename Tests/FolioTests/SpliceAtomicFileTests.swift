import Folio
import XCTest

final class SpliceAtomicFileTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "folio-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        makeWritable(directory)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Makes `path` a directory nobody can create files in: mode 0555, and for root, which ignores
    /// modes, the immutable attribute. False when that is not possible here.
    private func makeUnwritable(_ path: String) -> Bool {
        chmod(path, 0o555)
        return geteuid() != 0 || runChattr("+i", path)
    }

    private func makeWritable(_ path: String) {
        if geteuid() == 0 { _ = runChattr("-i", path) }
        chmod(path, 0o755)
    }

    private func runChattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    private func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func directoryEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func testWriteReplacesContentsAndKeepsPermissions() throws {
        let path = directory + "/lesson.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
        chmod(path, 0o640)
        try AtomicFile.write(Array("new contents\n".utf8), to: path)
        XCTAssertEqual(try contents(path), Array("new contents\n".utf8))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(try directoryEntries(), ["lesson.md"], "no temporary file left behind")
    }

    func testWriteCreatesAMissingFile() throws {
        let path = directory + "/new.md"
        try AtomicFile.write([], to: path)
        XCTAssertEqual(try contents(path), [])
    }

    func testWriteThroughASymbolicLinkReplacesTheTarget() throws {
        let target = directory + "/target.md", link = directory + "/link.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: target, contents: Data("old".utf8)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFile.write(Array("new".utf8), to: link)
        XCTAssertEqual(try contents(target), Array("new".utf8))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
    }

    func testFailedRenameLeavesTheOriginalAndNoTemporaryFile() throws {
        // The target is a non-empty directory, which rename(2) cannot replace with a file.
        let path = directory + "/lesson.md"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertTrue(FileManager.default.createFile(atPath: path + "/inside", contents: Data("kept".utf8)))
        XCTAssertThrowsError(try AtomicFile.write(Array("new".utf8), to: path)) { error in
            XCTAssertTrue("\(error)".contains("cannot replace the file"), "\(error)")
        }
        XCTAssertEqual(try contents(path + "/inside"), Array("kept".utf8))
        XCTAssertEqual(try directoryEntries(), ["lesson.md"])
    }

    func testUnwritableDirectoryLeavesTheOriginalIntact() throws {
        let path = directory + "/lesson.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("original".utf8)))
        try XCTSkipUnless(makeUnwritable(directory), "cannot make a directory unwritable for root here (no chattr)")
        XCTAssertThrowsError(try AtomicFile.write(Array("new".utf8), to: path)) { error in
            XCTAssertTrue("\(error)".contains("cannot create a temporary file"), "\(error)")
        }
        XCTAssertEqual(try contents(path), Array("original".utf8))
        XCTAssertEqual(try directoryEntries(), ["lesson.md"])
    }

    func testFailedWriteLeavesTheOriginalAndNoTemporaryFile() throws {
        // A file size limit makes write(2) fail with EFBIG partway, like a full disk.
        let path = directory + "/lesson.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("original".utf8)))
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = 1024
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
            signal(SIGXFSZ, previousHandler)
        }
        XCTAssertThrowsError(try AtomicFile.write(Array(repeating: UInt8(ascii: "x"), count: 10_000), to: path)) { error in
            XCTAssertTrue("\(error)".contains("cannot write"), "\(error)")
        }
        XCTAssertEqual(try contents(path), Array("original".utf8))
        XCTAssertEqual(try directoryEntries(), ["lesson.md"])
    }

    func testMissingDirectoryIsAnErrorNamingThePath() {
        let path = directory + "/missing/lesson.md"
        XCTAssertThrowsError(try AtomicFile.write([], to: path)) { error in
            XCTAssertEqual("\(error)", "\(path): error: cannot create a temporary file: No such file or directory; the file was left unchanged")
        }
    }
}
