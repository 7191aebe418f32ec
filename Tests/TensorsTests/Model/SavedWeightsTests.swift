import Foundation
import XCTest
import Tensors

final class SavedWeightsTests: XCTestCase {
    private func model() -> Sequential {
        let model = Sequential([Embedding(inputDim: 12, outputDim: 4, name: "embedding"),
                                Bidirectional(LSTM(units: 3, name: "lstm"), name: "bidirectional"), Dense(units: 1, name: "dense")])
        model.build(inputShape: [nil, 5])
        return model
    }

    func testWeightsComeBackIntoAnotherModelOfTheSameStructureUnderKerasPaths() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trained = model()
        try trained.saveWeights(path)
        let restored = model()
        XCTAssertNotEqual(restored.weights, trained.weights)
        try restored.loadWeights(path)
        XCTAssertEqual(restored.weights, trained.weights)
        let names = try SafeTensors.decode(Data(contentsOf: URL(fileURLWithPath: path))).map(\.name)
        XCTAssertEqual(names, ["embedding/embeddings", "bidirectional/forward_lstm/kernel", "bidirectional/forward_lstm/recurrent_kernel",
                               "bidirectional/forward_lstm/bias", "bidirectional/backward_lstm/kernel",
                               "bidirectional/backward_lstm/recurrent_kernel", "bidirectional/backward_lstm/bias",
                               "dense/kernel", "dense/bias"])
    }

    func testADifferentStructureIsRefusedNamingTheFileAndWhatItHolds() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model().saveWeights(path)
        let other = Sequential([Dense(units: 2)])
        _ = other(Tensor(shape: [1, 3], scalars: [1, 2, 3]))
        XCTAssertThrowsError(try other.loadWeights(path)) { error in
            XCTAssertTrue("\(error)".contains(path) && "\(error)".contains("embedding/embeddings (12, 4)"), "\(error)")
        }
        XCTAssertThrowsError(try other.loadWeights(path + ".missing")) { error in
            XCTAssertTrue("\(error)".contains("cannot read the file"), "\(error)")
        }
    }
}
