import Folio
import XCTest

final class SpliceOutputWritingTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "folio-outputs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ text: String, to name: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    private let notebook = "# Lesson\n\n```swift\nprint(1)\n```\n"

    func testOutputsGoIntoTheFileAsItIsNowWhenOnlyProseChanged() throws {
        let path = try write(notebook, to: "nb.md")
        let document = try Document(contentsOf: path)
        _ = try write("Prose saved meanwhile.\n\n" + notebook + "\nMore prose.\n", to: "nb.md")
        XCTAssertTrue(try document.writeResults([CellResult(status: .ok, text: "1\n")]))
        XCTAssertEqual(try read(path), "Prose saved meanwhile.\n\n# Lesson\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\nMore prose.\n")
    }

    func testChangedCodeLeavesTheFileAlone() throws {
        let path = try write(notebook, to: "nb.md")
        let document = try Document(contentsOf: path)
        let edited = notebook.replacingOccurrences(of: "print(1)", with: "print(2)")
        _ = try write(edited, to: "nb.md")
        XCTAssertThrowsError(try document.writeResults([CellResult(status: .ok, text: "1\n")])) { error in
            XCTAssertEqual("\(error)", "\(path): error: changed while running; outputs not written; run again")
        }
        XCTAssertEqual(try read(path), edited)
    }

    func testAChangedSeedOrAnAddedCellCountsAsChangedCode() throws {
        let path = try write(notebook, to: "nb.md")
        let document = try Document(contentsOf: path)
        for edited in ["---\nseed: 7\n---\n" + notebook, notebook + "\n```swift\nprint(3)\n```\n", "Just prose now.\n"] {
            _ = try write(edited, to: "nb.md")
            XCTAssertThrowsError(try document.writeResults([CellResult(status: .ok, text: "1\n")]), edited)
            XCTAssertThrowsError(try document.reloaded(), edited)
            XCTAssertEqual(try read(path), edited)
        }
    }

    func testAFileThatBecameInvalidCountsAsChanged() throws {
        let path = try write(notebook, to: "nb.md")
        let document = try Document(contentsOf: path)
        _ = try write(notebook + "\n```swift\nunclosed\n", to: "nb.md")
        XCTAssertThrowsError(try document.writeResults([CellResult(status: .ok, text: "1\n")]))
    }

    func testReloadedGivesTheCurrentProseWithTheSameCells() throws {
        let path = try write(notebook, to: "nb.md")
        let document = try Document(contentsOf: path)
        _ = try write(notebook + "\nNew paragraph.\n", to: "nb.md")
        let reloaded = try document.reloaded()
        XCTAssertEqual(String(decoding: reloaded.bytes, as: UTF8.self), notebook + "\nNew paragraph.\n")
        XCTAssertEqual(reloaded.cells.map(\.code), document.cells.map(\.code))
    }

    func testReplaceWritesOnlyOverTheExpectedContents() throws {
        let path = try write("old\n", to: "file.md")
        XCTAssertFalse(try AtomicFile.replace(path, with: Array("new\n".utf8), ifStill: Array("older\n".utf8)))
        XCTAssertEqual(try read(path), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["file.md"], "no temporary file left")
        XCTAssertTrue(try AtomicFile.replace(path, with: Array("new\n".utf8), ifStill: Array("old\n".utf8)))
        XCTAssertEqual(try read(path), "new\n")
    }

    func testAReadOnlyFileIsRefusedEvenForRoot() throws {
        let path = try write(notebook, to: "nb.md")
        XCTAssertEqual(chmod(path, 0o444), 0)
        let document = try Document(contentsOf: path)
        XCTAssertThrowsError(try document.writeResults([CellResult(status: .ok, text: "1\n")])) { error in
            XCTAssertEqual("\(error)", "\(path): error: cannot write: the file is read-only (mode 444); "
                + "make it writable (chmod u+w) to let Folio change it; the file was left unchanged")
        }
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: path))
        XCTAssertEqual(try read(path), notebook)
    }
}
