import Folio
import XCTest

/// The seed blog post (its ```python blocks turned into ```swift) as a notebook: Korean prose, raw HTML,
/// thematic breaks, indented output from Jupyter and a ```toc block.
final class DocumentSeedPostTests: XCTestCase {
    func load() throws -> Document {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/seed-post", withExtension: "md"))
        return try Document(contentsOf: url.path)
    }

    func testSeedPostFrontMatterAndCellsAreRead() throws {
        let document = try load()
        XCTAssertEqual(document.frontMatter.title, "임베딩이란")
        XCTAssertEqual(document.frontMatter.emoji, "😁")
        XCTAssertEqual(document.frontMatter.date, "2022-04-21 23:00:00")
        XCTAssertEqual(document.frontMatter.author, "하성민")
        XCTAssertEqual(document.frontMatter.tags, ["blog", "gatsby", "theme", "개츠비", "테마"])
        XCTAssertEqual(document.frontMatter.categories, ["STUDY"])
        XCTAssertEqual(document.seed, Document.defaultSeed)
        XCTAssertEqual(document.cells.map(\.fenceLine), [104, 143, 210, 321])
        XCTAssertTrue(document.cells[0].code.hasPrefix("import tensorflow as tf\n\nsome_words = tf.constant([[3, 57, 35]])\n"))
        XCTAssertTrue(document.cells.allSatisfy { $0.output == nil })
    }

    func testSeedPostSplicesAndCleansBackToTheOriginal() throws {
        let document = try load()
        let outputs = [0: "Embedding을 진행할 문장: (1, 3)\nEmbedding된 문장: (1, 3, 100)\n", 2: "(1, 3, 100)\n"]
        XCTAssertNil(spliceViolation(in: document, outputs: outputs, replacements: [0: "", 1: "x"]))
        let spliced = try Document(path: document.path, bytes: document.splicing(outputs))
        XCTAssertEqual(spliced.cells[0].output?.text, outputs[0])
        XCTAssertEqual(spliced.cells[2].output?.fenceLine, 229, "222 + 5 lines added after cell 0 + one blank line")
        XCTAssertEqual(spliced.cleaned(), document.bytes)
    }
}
