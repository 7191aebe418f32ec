import Folio
import XCTest

final class CollectionPathsTests: XCTestCase {
    private var root: URL!
    private var previousDirectory: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-paths-\(UUID().uuidString)")
        for file in ["Notebooks/b.md", "Notebooks/a.md", "Notebooks/deep/c.md", "Notebooks/notes.txt",
                     "Notebooks/.hidden/x.md", "Notebooks/.folio-cache/y.md", "top.md"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("# \(file)\n".utf8).write(to: url)
        }
        previousDirectory = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(root.path)
    }

    override func tearDownWithError() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory)
        try? FileManager.default.removeItem(at: root)
    }

    func testDirectoryExpandsToItsMarkdownFilesRecursivelyAndSorted() throws {
        XCTAssertEqual(try NotebookPaths.expand(["Notebooks"]), ["Notebooks/a.md", "Notebooks/b.md", "Notebooks/deep/c.md"])
        XCTAssertEqual(try NotebookPaths.expand(["Notebooks/"]), ["Notebooks/a.md", "Notebooks/b.md", "Notebooks/deep/c.md"])
    }

    func testFilesAndFoldersMixSortedWithoutDuplicates() throws {
        let paths = try NotebookPaths.expand(["top.md", "Notebooks/b.md", "./Notebooks", "Notebooks/deep/../a.md"])
        XCTAssertEqual(paths, ["Notebooks/a.md", "Notebooks/b.md", "Notebooks/deep/c.md", "top.md"])
    }

    func testCurrentDirectoryKeepsPathsRelative() throws {
        XCTAssertEqual(try NotebookPaths.expand(["."]), ["Notebooks/a.md", "Notebooks/b.md", "Notebooks/deep/c.md", "top.md"])
    }

    func testMissingPathIsAnErrorNamingIt() {
        XCTAssertThrowsError(try NotebookPaths.expand(["Notebooks", "nope.md"])) { error in
            XCTAssertEqual((error as? DocumentError)?.description, "nope.md: error: no such file or directory")
        }
    }
}
