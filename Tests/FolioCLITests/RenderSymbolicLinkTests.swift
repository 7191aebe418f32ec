import Foundation
import XCTest

/// A site never carries a file from outside the notebook's folder, even through a symbolic link.
final class RenderSymbolicLinkTests: FolioProcessTestCase {
    private var outside: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        outside = FileManager.default.temporaryDirectory.appendingPathComponent("folio-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("SECRET KEY\n".utf8).write(to: outside.appendingPathComponent("id_key"))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: outside)
        super.tearDown()
    }

    private func link(_ name: String, to target: URL) throws {
        try FileManager.default.createSymbolicLink(atPath: folio.directory.appendingPathComponent(name).path,
                                                   withDestinationPath: target.path)
    }

    func testALinkedSymbolicLinkToAFileOutsideTheFolderIsRefusedByName() throws {
        try folio.write("lessons/nb.md", "# Lesson\n\nSee [the key](key.txt).\n")
        try link("lessons/key.txt", to: outside.appendingPathComponent("id_key"))
        let outcome = try folio.run(["render", "lessons", "--out", "site", "--no-exec"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:3: error: linked file 'key.txt' is a symbolic link to "), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folio.directory.appendingPathComponent("site/key.txt").path))
    }

    func testAFileInASymbolicallyLinkedFolderOutsideIsRefused() throws {
        try folio.write("lessons/nb.md", "![key](assets/id_key)\n")
        try link("lessons/assets", to: outside)
        let outcome = try folio.run(["render", "lessons", "--out", "site", "--no-exec"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("linked file 'assets/id_key' is a symbolic link to "), outcome.stderr)
    }

    func testASymbolicLinkInsideTheFolderIsCopiedAsTheFileItNames() throws {
        try folio.write("lessons/nb.md", "[data](latest.csv)\n")
        try folio.write("lessons/data/2024.csv", "a,b\n")
        try link("lessons/latest.csv", to: folio.directory.appendingPathComponent("lessons/data/2024.csv"))
        let outcome = try folio.run(["render", "lessons", "--out", "site", "--no-exec"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let copied = folio.directory.appendingPathComponent("site/latest.csv").path
        XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: copied), "a file, not a link")
        XCTAssertEqual(try folio.read("site/latest.csv"), "a,b\n")
    }
}
