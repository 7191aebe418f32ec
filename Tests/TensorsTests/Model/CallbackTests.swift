import XCTest
@testable import Tensors

final class CallbackTests: XCTestCase {
    /// A model whose loss follows a script, one value per epoch, so that stopping rules can be read off.
    private func stopping(_ callback: EarlyStopping, losses: [Float]) -> (epochs: Int, restoredFrom: Int?) {
        let model = Sequential([Dense(units: 1)])
        _ = model(Tensor(shape: [1, 1], scalars: [1]))
        callback.model = model
        callback.onTrainBegin()
        var epochs = 0
        var weightsByEpoch: [[Tensor]] = []
        for (epoch, loss) in losses.enumerated() where !model.stopTraining {
            try! model.setWeights([Tensor(shape: [1, 1], scalars: [Float(epoch)]), Tensor(shape: [1], scalars: [0])])
            weightsByEpoch.append(model.weights)
            callback.onEpochEnd(epoch, logs: ["val_loss": loss])
            epochs += 1
        }
        callback.onTrainEnd(logs: [:])
        let restored = weightsByEpoch.firstIndex(of: model.weights)
        return (epochs, restored == epochs - 1 ? nil : restored)
    }

    func testEarlyStoppingWaitsPatienceEpochsAfterTheBestThenRestoresIt() {
        let result = stopping(EarlyStopping(patience: 2, restoreBestWeights: true), losses: [0.9, 0.5, 0.6, 0.7, 0.4, 0.3])
        XCTAssertEqual(result.epochs, 4, "best at epoch 1, two epochs without improvement")
        XCTAssertEqual(result.restoredFrom, 1)
    }

    func testImprovementsSmallerThanMinDeltaDoNotCount() {
        let result = stopping(EarlyStopping(minDelta: 0.1, patience: 1), losses: [1.0, 0.95, 0.92, 0.5])
        XCTAssertEqual(result.epochs, 2)
    }

    func testAccuracyIsBetterWhenHigher() {
        let callback = EarlyStopping(monitor: "val_accuracy", patience: 1)
        let model = Sequential([Dense(units: 1)])
        callback.model = model
        callback.onTrainBegin()
        for (epoch, accuracy) in [Float(0.5), 0.6, 0.7].enumerated() {
            callback.onEpochEnd(epoch, logs: ["val_accuracy": accuracy])
        }
        XCTAssertFalse(model.stopTraining)
        callback.onEpochEnd(3, logs: ["val_accuracy": 0.65])
        XCTAssertTrue(model.stopTraining)
    }

    func testFitStopsWhenACallbackSaysSoAndHistoryHasOneEntryPerEpochRun() {
        setRandomSeed(3)
        let model = Sequential([Dense(units: 1, activation: .sigmoid)])
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .binaryCrossentropy, metrics: [.accuracy])
        let x = Tensor(shape: [8, 2], scalars: (0..<16).map { Float($0 % 5) / 5 })
        let y = Tensor(shape: [8, 1], scalars: (0..<8).map { Float($0 % 2) })
        let stopAfterTwo = LambdaCallback(onEpochEnd: { epoch, _ in if epoch == 1 { model.stopTraining = true } })
        let history = model.fit(x, y, batchSize: 3, epochs: 10, verbose: 0, callbacks: [stopAfterTwo])
        XCTAssertEqual(history.epoch, [0, 1])
        XCTAssertEqual(history.history["loss"]?.count, 2)
        XCTAssertEqual(history.history["accuracy"]?.count, 2)
    }

    func testTheSameSeedShufflesAndTrainsToTheSameWeights() {
        func train() -> [Tensor] {
            setRandomSeed(11)
            let model = Sequential([Dense(units: 4, activation: .relu), Dropout(rate: 0.5), Dense(units: 1, activation: .sigmoid)])
            model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy)
            let x = Tensor(shape: [20, 3], scalars: (0..<60).map { Float(($0 * 7) % 11) / 11 })
            let y = Tensor(shape: [20, 1], scalars: (0..<20).map { Float($0 % 2) })
            model.fit(x, y, batchSize: 4, epochs: 3, verbose: 0)
            return model.weights
        }
        XCTAssertEqual(train(), train())
    }
}
