import Folio
import XCTest

final class FrontMatterTests: XCTestCase {
    func testTypedFieldsAreReadAndUnknownKeysKept() throws {
        let document = try parse("""
            ---
            title: "임베딩과 RNN"
            date: 2023-04-01
            author: Kim
            emoji: 🧠
            tags: keras rnn lstm
            categories: [deep-learning, nlp]
            seed: 1234
            layout: post
            extra:
              nested: 1
            ---
            # Heading

            ```swift
            print(1)
            ```
            """)
        let frontMatter = document.frontMatter
        XCTAssertEqual(frontMatter.title, "임베딩과 RNN")
        XCTAssertEqual(frontMatter.date, "2023-04-01")
        XCTAssertEqual(frontMatter.author, "Kim")
        XCTAssertEqual(frontMatter.emoji, "🧠")
        XCTAssertEqual(frontMatter.tags, ["keras", "rnn", "lstm"])
        XCTAssertEqual(frontMatter.categories, ["deep-learning", "nlp"])
        XCTAssertEqual(frontMatter.seed, 1234)
        XCTAssertEqual(document.seed, 1234)
        XCTAssertEqual(frontMatter.fields["layout"], "post")
        XCTAssertEqual(frontMatter.fields["tags"], "keras rnn lstm")
        XCTAssertEqual(frontMatter.fields["categories"], "deep-learning nlp")
        XCTAssertEqual(frontMatter.fields["extra"], "nested: 1")
        XCTAssertEqual(document.text(frontMatter.range), "---\ntitle: \"임베딩과 RNN\"\ndate: 2023-04-01\nauthor: Kim\nemoji: 🧠\n"
                       + "tags: keras rnn lstm\ncategories: [deep-learning, nlp]\nseed: 1234\nlayout: post\nextra:\n  nested: 1\n---\n")
        XCTAssertEqual(document.cells.first?.fenceLine, 15)
    }

    func testNoFrontMatterMeansDefaultsAndTheFixedSeed() throws {
        let document = try parse("# Title\n---\n")
        XCTAssertEqual(document.frontMatter, FrontMatter())
        XCTAssertEqual(document.seed, Document.defaultSeed)
    }

    func testEmptyFrontMatterAndDotsClosingAreAccepted() throws {
        XCTAssertEqual(try parse("---\n---\nText\n").frontMatter.range, 0..<8)
        XCTAssertEqual(try parse("---\ntitle: A\n...\nText\n").frontMatter.title, "A")
    }

    func testCRLFFrontMatterIsRead() throws {
        let document = try parse("---\r\ntitle: A\r\nseed: 7\r\n---\r\n```swift\r\n```\r\n")
        XCTAssertEqual(document.frontMatter.title, "A")
        XCTAssertEqual(document.seed, 7)
        XCTAssertEqual(document.frontMatter.range, 0..<29)
        XCTAssertEqual(document.cells.first?.fenceLine, 5)
    }

    func testMarkdownForCmarkBlanksFrontMatterButKeepsOffsetsAndLines() throws {
        let document = try parse("---\ntitle: A\n---\n# H\n")
        XCTAssertEqual(String(decoding: document.markdown, as: UTF8.self), "   \n        \n   \n# H\n")
        XCTAssertEqual(document.markdown.count, document.bytes.count)
    }

    func testUnclosedFrontMatterIsAnErrorOnLineOne() {
        let error = parseError("---\ntitle: A\n\n# Heading\n", path: "post.md")
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.description.hasPrefix("post.md:1: error: front matter") == true, "\(String(describing: error))")
    }

    func testInvalidYAMLNamesTheFileLine() {
        XCTAssertEqual(parseError("---\ntitle: \"unclosed\n---\n")?.line, 2)
        let error = parseError("---\ntitle: A\ntags: [a, b\n---\n")
        XCTAssertEqual(error?.line, 3, "the line where the unclosed list starts")
        XCTAssertTrue(error?.message.hasPrefix("front matter is not valid YAML") == true)
        XCTAssertEqual(parseError("---\ntitle: A\n  bad: indent\n---\n")?.line, 3)
    }

    func testFrontMatterThatIsNotAMappingIsAnError() {
        XCTAssertEqual(parseError("---\n- a\n- b\n---\n")?.message, "front matter must be a YAML mapping of keys to values")
    }

    func testSeedMustBeANonNegativeInteger() {
        for seed in ["-1", "1.5", "abc", "[1]", "18446744073709551616"] {
            let error = parseError("---\ntitle: A\nseed: \(seed)\n---\n")
            XCTAssertEqual(error?.line, 3, seed)
            XCTAssertTrue(error?.message.contains("'seed' must be a non-negative integer") == true, seed)
        }
        XCTAssertEqual(try parse("---\nseed: 18446744073709551615\n---\n").seed, UInt64.max)
    }

    func testTitleMustBeText() {
        XCTAssertEqual(parseError("---\ntitle:\n  - a\n---\n")?.line, 2)
    }

    func testNullTitleIsNoTitle() throws {
        XCTAssertNil(try parse("---\ntitle: ~\n---\n").frontMatter.title)
    }
}
