import XCTest
import Tensors

final class LearningRateScheduleTests: XCTestCase {
    func testExponentialDecayMatchesKerasSmoothAndStaircase() {
        // keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5) at steps 0, 5, 10, 25 (Keras 3.15.1).
        let smooth = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5)
        let staircase = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true)
        for (step, expected) in zip([0, 5, 10, 25], [0.1, 0.0707106813788414, 0.05, 0.01767767034471035] as [Float]) {
            XCTAssertEqual(smooth(step: step), expected, accuracy: 1e-8)
        }
        XCTAssertEqual([0, 5, 10, 25].map { staircase(step: $0) }, [0.1, 0.1, 0.05, 0.025])
    }

    func testAnOptimizerTakesEachStepsRateFromItsSchedule() {
        let layer = Dense(units: 1, useBias: false)
        _ = layer(Tensor(shape: [1, 1], scalars: [1]))
        try! layer.setWeights([Tensor(shape: [1, 1], scalars: [0])])
        let sgd = SGD(learningRate: 1)
        sgd.learningRateSchedule = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5)
        for _ in 0..<3 { sgd.apply([Tensor(shape: [1, 1], scalars: [1])], to: layer) }
        XCTAssertEqual(layer.weights[0].scalars[0], -(0.1 + 0.05 + 0.025), accuracy: 1e-7)
        XCTAssertEqual(sgd.learningRate, 0.025)
    }
}
