import Foundation
import XCTest
import Tensors

/// `TextVectorization` and `padSequences` against Keras 3.15.1 on 400 Korean reviews and edge-case
/// texts (Fixtures/keras-text.json, made by Fixtures/make_text_goldens.py): the same vocabulary in
/// the same order, the same ids.
final class TextVectorizationGoldenTests: XCTestCase {
    private struct Goldens: Decodable {
        struct Meta: Decodable { var adapt_texts: [String] }
        struct Case: Decodable {
            struct Config: Decodable {
                var max_tokens: Int?
                var output_sequence_length: Int?
                var split: String?
            }
            var name: String
            var config: Config
            var standardize: String
            var vocabulary: [String]
            var queries: [String]
            var ids: [[Int32]]
        }
        struct Padding: Decodable {
            struct Case: Decodable {
                struct Config: Decodable {
                    var maxlen: Int?
                    var padding: String?
                    var truncating: String?
                    var value: Int32?
                }
                var config: Config
                var ids: [[Int32]]
            }
            var sequences: [[Int32]]
            var cases: [Case]
        }
        var meta: Meta
        var text_vectorization: [Case]
        var pad_sequences: Padding
    }

    private func goldens() throws -> Goldens {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "keras-text", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }

    func testVocabularyAndIdsMatchKerasForEveryConfiguration() throws {
        let goldens = try goldens()
        XCTAssertEqual(goldens.text_vectorization.count, 6)
        for golden in goldens.text_vectorization {
            let config = golden.config
            let standardizations: [String: TextStandardization] = [
                "lower_and_strip_punctuation": .lowerAndStripPunctuation, "lower": .lower,
                "strip_punctuation": .stripPunctuation, "none": .none]
            let standardize = try XCTUnwrap(standardizations[golden.standardize], golden.standardize)
            let layer = TextVectorization(maxTokens: config.max_tokens, standardize: standardize,
                                          split: config.split == "character" ? .character : .whitespace,
                                          outputSequenceLength: config.output_sequence_length)
            layer.adapt(goldens.meta.adapt_texts)
            XCTAssertEqual(layer.vocabulary(), golden.vocabulary, golden.name)
            let ids = layer(golden.queries)
            let width = golden.ids.first?.count ?? 0
            XCTAssertEqual(ids.shape, [golden.ids.count, width], golden.name)
            XCTAssertEqual(ids.integers, golden.ids.flatMap { $0 }, golden.name)
        }
    }

    func testPadSequencesMatchesKerasForEveryPaddingAndTruncation() throws {
        let padding = try goldens().pad_sequences
        for golden in padding.cases {
            let config = golden.config
            let ids = padSequences(padding.sequences, maxLength: config.maxlen,
                                   padding: config.padding == "post" ? .post : .pre,
                                   truncating: config.truncating == "post" ? .post : .pre,
                                   value: config.value ?? 0)
            XCTAssertEqual(ids.shape, [golden.ids.count, golden.ids[0].count], "\(config)")
            XCTAssertEqual(ids.integers, golden.ids.flatMap { $0 }, "\(config)")
        }
    }
}
