import XCTest
import Tensors

final class ModelTests: XCTestCase {
    func testSequentialAppliesItsLayersInOrderAndCarriesTheMask() {
        let embedding = Embedding(inputDim: 10, outputDim: 4, maskZero: true), lstm = LSTM(units: 3), dense = Dense(units: 2)
        let model = Sequential([embedding, lstm, dense])
        let ids = Tensor([[0, 0, 3, 4], [5, 6, 7, 8]])
        XCTAssertEqual(model(ids), dense(lstm(embedding(ids))))
        XCTAssertEqual(model.weights.count, 1 + 3 + 2)
    }

    func testSetWeightsHandsEachLayerItsShareAndNamesUnbuiltLayers() throws {
        let model = Sequential([Dense(units: 3, name: "hidden"), Dense(units: 1)])
        XCTAssertThrowsError(try model.setWeights([])) { error in
            XCTAssertTrue("\(error)".contains("hidden is not built yet"), "\(error)")
        }
        _ = model(Tensor(shape: [1, 2], scalars: [1, 2]))
        let replaced = model.weights.map { Tensor(shape: $0.shape, scalars: [Float](repeating: 0.5, count: $0.scalarCount)) }
        try model.setWeights(replaced)
        XCTAssertEqual(model.weights, replaced)
        XCTAssertEqual(model.layers[1].weights, Array(replaced[2...]))
    }

    func testAClosureModelTakesSeveralInputsAndOwnsASharedLayerOnce() {
        let shared = Embedding(inputDim: 6, outputDim: 3)
        let model = Model(layers: [shared, shared]) { inputs in
            (shared(inputs[0]) * shared(inputs[1])).sum(alongAxes: [-1])
        }
        let output = model([Tensor([[1], [2]]), Tensor([[1], [3]])])
        XCTAssertEqual(output.shape, [2, 1])
        XCTAssertEqual(model.layers.count, 1)
        XCTAssertEqual(model.weights.count, 1)
        XCTAssertTrue(model.name.hasPrefix("functional"))
    }

    func testASubclassDefinesItsForwardPassAndIsNamedAfterItself() {
        final class TwoTower: Model {
            let left = Dense(units: 2), right = Dense(units: 2)
            init() { super.init(layers: [left, right]) }
            override func call(_ inputs: [Tensor]) -> Tensor { left(inputs[0]) + right(inputs[0]) }
        }
        let model = TwoTower()
        XCTAssertEqual(model(Tensor(shape: [1, 3], scalars: [1, 2, 3])).shape, [1, 2])
        XCTAssertTrue(model.name.hasPrefix("two_tower"), model.name)
    }
}
