import Folio
import XCTest

final class FigureFolderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func files(in folder: FigureFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func testFilesAreWrittenOnceAndTheUnreferencedOnesRemovedButNotTheAuthors() throws {
        let path = directory.appendingPathComponent("nb.md").path
        let folder = FigureFolder(forNotebook: path)
        XCTAssertEqual(folder.path, directory.appendingPathComponent("nb.figures").path)
        let old = figure("line chart\n1 1.0\n"), new = figure("line chart\n1 2.0\n")
        try folder.write([old, new])
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder.path + "/diagram.svg"))
        XCTAssertEqual(files(in: folder), [old.fileName, new.fileName, "diagram.svg"].sorted())
        XCTAssertEqual(folder.contents(of: new.fileName), new.svg)

        let document = try Document(path: path, bytes: try parse("```swift\nplot()\n```\n", path: path).splicingFigures([0: [new]]))
        XCTAssertEqual(try folder.removeUnreferenced(by: document), [old.fileName])
        XCTAssertEqual(files(in: folder), [new.fileName, "diagram.svg"].sorted())

        let cleaned = try Document(path: path, bytes: document.cleanedOfFigures())
        XCTAssertEqual(try folder.removeUnreferenced(by: cleaned), [new.fileName])
        XCTAssertEqual(files(in: folder), ["diagram.svg"], "the author's file and so the folder stay")
    }

    func testAFolderLeftEmptyIsRemoved() throws {
        let path = directory.appendingPathComponent("lesson.md").path
        let folder = FigureFolder(forNotebook: path)
        try folder.write([figure("heatmap\n")])
        try folder.removeUnreferenced(by: try parse("no cells\n", path: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testStoredFiguresAreReadFromTheFilesTheLinesName() throws {
        let path = directory.appendingPathComponent("nb.md").path
        let drawn = figure("line chart\n1 0.5\n", description: "Line chart of loss: 1 value")
        let document = try Document(path: path, bytes: try parse("```swift\nplot()\n```\n", path: path).splicingFigures([0: [drawn]]))
        XCTAssertEqual(document.storedFigures(of: document.cells[0]), [nil], "the file is not written yet")
        try FigureFolder(forNotebook: path).write([drawn])
        XCTAssertEqual(document.storedFigures(of: document.cells[0]), [drawn])
    }
}
