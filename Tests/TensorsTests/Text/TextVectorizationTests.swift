import XCTest
import Tensors

final class TextVectorizationTests: XCTestCase {
    func testLowercasingChangesASCIILettersOnlyAsTensorFlowDoes() {
        let layer = TextVectorization()
        XCTAssertEqual(layer.tokenize("ÉCOLE Straße ÀB"), ["École", "straße", "Àb"])
    }

    func testPunctuationStrippingRemovesASCIIPunctuationOnlyEvenInsideWords() {
        let layer = TextVectorization()
        XCTAssertEqual(layer.tokenize("state-of-the-art, 영화... 최고!! 좋아… ㅋㅋ·"),
                       ["stateoftheart", "영화", "최고", "좋아…", "ㅋㅋ·"])
    }

    func testTiesAreOrderedByDescendingBytesAndMaxTokensCountsTheReservedEntries() {
        let layer = TextVectorization(maxTokens: 5)
        layer.adapt(["b a c", "c b a d d d"])
        XCTAssertEqual(layer.vocabulary(), ["", "[UNK]", "d", "c", "b"])
        XCTAssertEqual(layer.vocabularySize, 5)
    }

    func testUnknownTokensAreOneAndABatchIsPaddedAtTheEndToItsLongestText() {
        let layer = TextVectorization()
        layer.adapt(["좋은 영화", "영화"])
        XCTAssertEqual(layer(["영화 최악", "좋은 영화 정말 좋은"]), Tensor([[2, 1, 0, 0], [3, 2, 1, 3]]))
    }

    func testASingleTextGivesOneSequenceOfTheFixedLength() {
        let layer = TextVectorization(outputSequenceLength: 3)
        layer.adapt(["a b"])
        XCTAssertEqual(layer("b b b b a").shape, [3])
    }

    func testPadSequencesPadsAndCutsAtTheFrontByDefault() {
        XCTAssertEqual(padSequences([[1], [2, 3, 4]], maxLength: 2), Tensor([[0, 1], [3, 4]]))
    }
}
