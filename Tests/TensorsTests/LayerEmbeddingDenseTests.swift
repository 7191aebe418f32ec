import XCTest
@testable import Tensors

/// Embedding and Dense on hand-computed values, and the shapes the seed post prints.
final class LayerEmbeddingDenseTests: XCTestCase {
    func testEmbeddingCopiesTheRowOfEachId() throws {
        let embedding = Embedding(inputDim: 3, outputDim: 2)
        try embedding.setWeights([Tensor(shape: [3, 2], scalars: [0, 1, 10, 11, 20, 21])])
        let output = embedding(Tensor(shape: [2, 2], integers: [2, 0, 1, 2]))
        XCTAssertEqual(output.shape, [2, 2, 2])
        XCTAssertEqual(output.scalars, [20, 21, 0, 1, 10, 11, 20, 21])
    }

    func testLargeLookupCopiedOnSeveralThreadsMatchesTheTableRowByRow() throws {
        let embedding = Embedding(inputDim: 97, outputDim: 128)
        embedding.build()
        let ids = (0..<(100 * 100)).map { Int32(($0 * 31) % 97) }
        XCTAssertGreaterThanOrEqual(ids.count * 128, Embedding.parallelCopyThreshold, "the parallel path runs")
        let output = embedding(Tensor(shape: [100, 100], integers: ids)).scalars
        let table = embedding.weights[0].scalars
        for (row, id) in ids.enumerated() {
            XCTAssertEqual(output[(row * 128)..<((row + 1) * 128)], table[(Int(id) * 128)..<((Int(id) + 1) * 128)], "row \(row)")
        }
    }

    func testEmbeddingShapesOfTheSeedPost() {
        let embedding = Embedding(inputDim: 64, outputDim: 100)
        XCTAssertTrue(embedding.weights.isEmpty, "no weights before the first call, as in Keras")
        let output = embedding(Tensor(shape: [1, 3], integers: [3, 57, 35]))
        XCTAssertEqual("\(output.shape)", "(1, 3, 100)")
        XCTAssertEqual("\(embedding.weights[0].shape)", "(64, 100)")
    }

    func testEmbeddingInitializerIsUniformWithinFiveHundredths() {
        let embedding = Embedding(inputDim: 50, outputDim: 40)
        embedding.build()
        let values = embedding.weights[0].scalars
        XCTAssertTrue(values.allSatisfy { $0 >= -0.05 && $0 < 0.05 })
        XCTAssertGreaterThan(values.max()! - values.min()!, 0.09)
    }

    func testMaskedOutputEqualsTheSameValuesWithoutMask() throws {
        let embedding = Embedding(inputDim: 3, outputDim: 2, maskZero: true)
        try embedding.setWeights([Tensor(shape: [3, 2], scalars: [0, 1, 10, 11, 20, 21])])
        let output = embedding(Tensor(shape: [1, 2], integers: [0, 2]))
        XCTAssertNotNil(output.mask)
        XCTAssertEqual(output, Tensor(shape: [1, 2, 2], scalars: [0, 1, 20, 21]))
    }

    func testMaskZeroMarksPaddingIds() {
        let embedding = Embedding(inputDim: 5, outputDim: 2, maskZero: true)
        let output = embedding(Tensor(shape: [2, 3], integers: [1, 0, 4, 0, 0, 2]))
        XCTAssertEqual(output.mask, SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, false, true, false, false, true]))
        XCTAssertEqual(output.mask?.tensor.integers, [1, 0, 1, 0, 0, 1])
    }

    func testDenseComputesActivationOfXWPlusB() throws {
        let dense = Dense(units: 2, activation: .relu)
        try dense.setWeights([Tensor(shape: [3, 2], scalars: [1, -1, 2, -2, 3, -3]), Tensor(shape: [2], scalars: [0.5, 0.25])])
        let output = dense(Tensor(shape: [2, 3], scalars: [1, 1, 1, 0, 1, -1]))
        XCTAssertEqual(output.shape, [2, 2])
        XCTAssertEqual(output.scalars, [6.5, 0, 0, 1.25])
    }

    func testDenseAppliesToTheLastAxisOfASequenceAndKeepsTheMask() {
        let embedding = Embedding(inputDim: 4, outputDim: 3, maskZero: true)
        let dense = Dense(units: 5, useBias: false)
        let output = dense(embedding(Tensor(shape: [1, 2], integers: [1, 0])))
        XCTAssertEqual(output.shape, [1, 2, 5])
        XCTAssertEqual(dense.weights.map(\.shape), [[3, 5]])
        XCTAssertEqual(output.mask?.isReal, [true, false])
    }

    func testRecurrentShapesOfTheSeedPost() {
        let embedded = Embedding(inputDim: 5, outputDim: 100)(Tensor(shape: [1, 5], integers: [2, 3, 0, 1, 4]))
        let sequence = SimpleRNN(units: 64, useBias: false, returnSequences: true)
        XCTAssertEqual("\(sequence(embedded).shape)", "(1, 5, 64)")
        XCTAssertEqual("\(sequence.weights[0].shape)", "(100, 64)")
        XCTAssertEqual(sequence.weights.count, 2)
        XCTAssertEqual("\(SimpleRNN(units: 64, useBias: false)(embedded).shape)", "(1, 64)")
        let lstm = LSTM(units: 64, useBias: false)
        XCTAssertEqual("\(lstm(embedded).shape)", "(1, 64)")
        XCTAssertEqual("\(lstm.weights[0].shape)", "(100, 256)")
        XCTAssertEqual("\(Bidirectional(SimpleRNN(units: 64, useBias: false, returnSequences: true))(embedded).shape)", "(1, 5, 128)")
    }
}
