import Foundation
import XCTest
@testable import Tensors

/// Wrong use fails with a message naming the layer and the shapes.
final class LayerErrorTests: XCTestCase {
    func testSetWeightsWithWrongShapeNamesLayerWeightAndBothShapes() {
        let lstm = LSTM(units: 64)
        lstm.build(inputDim: 100)
        var weights = lstm.weights
        weights[1] = Tensor(shape: [64, 64], scalars: [Float](repeating: 0, count: 64 * 64))
        XCTAssertThrowsError(try lstm.setWeights(weights)) { error in
            XCTAssertEqual("\(error)", "LSTM(units: 64).setWeights: weight 'recurrent_kernel' must have shape (64, 256), got (64, 64)")
        }
    }

    func testInitialStateOfWrongCountOrShapeIsRefused() {
        let lstm = LSTM(units: 4)
        let state = Tensor(shape: [2, 4], scalars: [Float](repeating: 0, count: 8))
        XCTAssertThrowsError(try lstm.validateInitialState([state], batchSize: 2)) { error in
            XCTAssertEqual("\(error)", "LSTM(units: 4) takes an initial state of 2 tensors [h, c], got 1")
        }
        XCTAssertThrowsError(try lstm.validateInitialState([state, Tensor(shape: [4], scalars: [0, 0, 0, 0])], batchSize: 2)) { error in
            XCTAssertEqual("\(error)", "LSTM(units: 4): initial state 1 has shape (4,), expected (2, 4) (batch, units)")
        }
        XCTAssertNoThrow(try GRU(units: 4).validateInitialState([state], batchSize: 2))
    }

    func testSetWeightsWithWrongCountListsExpectedWeights() {
        let dense = Dense(units: 3)
        XCTAssertThrowsError(try dense.setWeights([Tensor(shape: [2, 3], scalars: [Float](repeating: 0, count: 6))])) { error in
            XCTAssertEqual("\(error)", "Dense(units: 3).setWeights: expected 2 weights (kernel, bias), got 1")
        }
    }

    func testSetWeightsBeforeFirstCallBuildsFromKernelShape() throws {
        let rnn = SimpleRNN(units: 2)
        try rnn.setWeights([Tensor(shape: [3, 2], scalars: [Float](repeating: 0.1, count: 6)),
                            Tensor(shape: [2, 2], scalars: [Float](repeating: 0, count: 4)),
                            Tensor(shape: [2], scalars: [0.5, -0.5])])
        XCTAssertEqual(rnn.inputDim, 3)
        let output = rnn(Tensor(shape: [1, 1, 3], scalars: [1, 1, 1]))
        assertClose(output.scalars, [Float(Foundation.tanh(0.8)), Float(Foundation.tanh(-0.2))])
    }

    func testBidirectionalSetWeightsNamesTheWrappedLayer() {
        let layer = Bidirectional(GRU(units: 4))
        let weights = [Tensor(shape: [3, 12], scalars: [Float](repeating: 0, count: 36)),
                       Tensor(shape: [4, 12], scalars: [Float](repeating: 0, count: 48)),
                       Tensor(shape: [12], scalars: [Float](repeating: 0, count: 12))]
        XCTAssertThrowsError(try layer.setWeights(weights + weights)) { error in
            XCTAssertEqual("\(error)", "Bidirectional(GRU(units: 4)): GRU(units: 4).setWeights: weight 'bias' must have shape (2, 12), got (12,)")
        }
    }

    func testRank2InputToRecurrentLayerExplainsTheBatchAxis() {
        let rnn = SimpleRNN(units: 64)
        XCTAssertThrowsError(try rnn.validateInput([5, 100], mask: nil)) { error in
            XCTAssertEqual("\(error)", "SimpleRNN(units: 64) expects input of shape (batch, timesteps, features), got shape (5, 100) of rank 2. For a single sequence add a batch axis: shape (1, 5, 100).")
        }
    }

    func testPlainCallOnReturnStateLayerPointsToCallWithState() {
        XCTAssertThrowsError(try LSTM(units: 4, returnState: true).validatePlainCall()) { error in
            XCTAssertEqual("\(error)", "LSTM(units: 4) was created with returnState: true, so it returns the output and the states: call `layer.callWithState(x)`, which returns (output, states)")
        }
        XCTAssertNoThrow(try LSTM(units: 4).validatePlainCall())
    }

    func testInputWithOtherFeatureCountThanBuiltIsRejected() {
        let gru = GRU(units: 8)
        gru.build(inputDim: 10)
        XCTAssertThrowsError(try gru.validateInput([1, 5, 12], mask: nil)) { error in
            XCTAssertEqual("\(error)", "GRU(units: 8) was built for 10 features per step, got input of shape (1, 5, 12)")
        }
    }

    func testIdOutsideVocabularyNamesIdPositionAndInputDim() {
        let embedding = Embedding(inputDim: 64, outputDim: 100)
        XCTAssertThrowsError(try embedding.validatedIds(Tensor(shape: [1, 3], integers: [3, 64, 35]))) { error in
            XCTAssertEqual("\(error)", "Embedding(inputDim: 64, outputDim: 100): id 64 at index [0, 1] of input shape (1, 3) is outside 0..<64; make inputDim larger than the largest id")
        }
        XCTAssertThrowsError(try embedding.validatedIds(Tensor(shape: [2], integers: [0, -1])))
    }

    func testFractionalIdsAreRejected() {
        let embedding = Embedding(inputDim: 8, outputDim: 2)
        XCTAssertThrowsError(try embedding.validatedIds(Tensor(shape: [2], scalars: [1, 2.5]))) { error in
            XCTAssertEqual("\(error)", "Embedding(inputDim: 8, outputDim: 2): ids must be whole numbers, got 2.5 at index [1]")
        }
        XCTAssertEqual(try embedding.validatedIds(Tensor(shape: [2], scalars: [1, 7])), [1, 7])
    }

    func testDenseRejectsRank1InputAndOtherFeatureCount() {
        let dense = Dense(units: 4)
        XCTAssertThrowsError(try dense.validateInput([3]))
        dense.build(inputDim: 3)
        XCTAssertThrowsError(try dense.validateInput([2, 5])) { error in
            XCTAssertEqual("\(error)", "Dense(units: 4) was built for 3 input features, got input of shape (2, 5)")
        }
    }
}
