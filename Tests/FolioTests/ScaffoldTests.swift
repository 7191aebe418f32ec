import Folio
import XCTest

final class ScaffoldTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testTemplateHasFrontMatterAndOneCellThatParses() throws {
        let template = LessonTemplate(title: "Recurrent Layers", date: "2026-11-25", author: "Ada Lovelace")
        let document = try Document(path: "new.md", bytes: Array(template.text.utf8))
        XCTAssertEqual(document.frontMatter.title, "Recurrent Layers")
        XCTAssertEqual(document.frontMatter.date, "2026-11-25")
        XCTAssertEqual(document.frontMatter.author, "Ada Lovelace")
        XCTAssertEqual(document.frontMatter.tags, ["draft"])
        XCTAssertEqual(document.seed, 42)
        XCTAssertEqual(document.cells.count, 1)
        XCTAssertNil(document.cells[0].output, "folio run writes the first output")
        XCTAssertTrue(document.cells[0].code.contains("print("))
    }

    func testTitleAndAuthorThatYAMLWouldMisreadAreQuoted() throws {
        let template = LessonTemplate(title: "Keras: the good parts", date: "2026-11-25", author: "yes")
        let document = try Document(path: "new.md", bytes: Array(template.text.utf8))
        XCTAssertEqual(document.frontMatter.title, "Keras: the good parts")
        XCTAssertEqual(document.frontMatter.author, "yes")
    }

    func testTemplateWithoutAuthorOmitsTheKey() {
        XCTAssertFalse(LessonTemplate(title: "T", date: "2026-01-01", author: nil).text.contains("author:"))
    }

    func testTitleComesFromTheName() {
        XCTAssertEqual(LessonTemplate.title(fromName: "lstm-basics"), "Lstm Basics")
        XCTAssertEqual(LessonTemplate.title(fromName: "word_embeddings"), "Word Embeddings")
    }

    func testANameGoesUnderNotebooksAndAPathIsUsedAsGiven() {
        XCTAssertEqual(LessonScaffold.destination(forName: "rnn", root: root).path, root.path + "/Notebooks/rnn.md")
        XCTAssertEqual(LessonScaffold.destination(forName: "drafts/rnn", root: root).path, root.path + "/drafts/rnn.md")
        XCTAssertEqual(LessonScaffold.destination(forName: "rnn.md", root: root).path, root.path + "/rnn.md")
    }

    func testCreateWritesTheTemplateAndMakesTheFolder() throws {
        let file = LessonScaffold.destination(forName: "rnn", root: root)
        let template = LessonTemplate(title: "Rnn", date: "2026-11-25", author: nil)
        try LessonScaffold.create(template, at: file)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), template.text)
    }

    func testCreateRefusesToOverwriteAnExistingFile() throws {
        let file = root.appendingPathComponent("taken.md")
        try Data("mine\n".utf8).write(to: file)
        XCTAssertThrowsError(try LessonScaffold.create(LessonTemplate(title: "T", date: "2026-11-25", author: nil), at: file)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "mine\n")
    }

    func testAuthorIsGitAuthorThenGitConfigThenLogin() {
        XCTAssertEqual(AuthorName.resolve(environment: ["GIT_AUTHOR_NAME": "Env Name", "USER": "login"], gitUserName: { "Config Name\n" }),
                       "Env Name")
        XCTAssertEqual(AuthorName.resolve(environment: ["USER": "login"], gitUserName: { "Config Name\n" }), "Config Name")
        XCTAssertEqual(AuthorName.resolve(environment: ["USER": "login"], gitUserName: { nil }), "login")
        XCTAssertNil(AuthorName.resolve(environment: ["GIT_AUTHOR_NAME": "  "], gitUserName: { nil }))
    }
}
