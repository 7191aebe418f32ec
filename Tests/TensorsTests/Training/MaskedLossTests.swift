import XCTest
@testable import Tensors

/// Losses and metrics on predictions that carry a sequence mask count only the real steps, as
/// Keras's `apply_mask` does (the fit goldens check the same inside `fit`).
final class MaskedLossTests: XCTestCase {
    /// (2, 3, 1) probabilities; sequence 0 is real at steps 1 and 2, sequence 1 at step 2.
    private let mask = SequenceMask(batchSize: 2, timesteps: 3, isReal: [false, true, true, false, false, true])
    private let labels = Tensor(shape: [2, 3, 1], scalars: [1, 0, 1, 0, 1, 1])
    private let probabilities: [Float] = [0.1, 0.3, 0.8, 0.9, 0.2, 0.6]

    func testTheLossIsTheMeanOverRealStepsAndPaddingGetsNoGradient() {
        let predictions = Tensor(shape: [2, 3, 1], scalars: probabilities)
        let perStep = Loss.meanSquaredError.perSample(labels, predictions).scalars
        let (loss, gradient) = valueWithGradient(at: predictions) { p in Loss.meanSquaredError(labels, p.withMask(mask)) }
        XCTAssertEqual(loss.scalars[0], (perStep[1] + perStep[2] + perStep[5]) / 3, accuracy: 1e-6)
        for step in [0, 3, 4] { XCTAssertEqual(gradient.scalars[step], 0, "padding step \(step)") }
        XCTAssertEqual(gradient.scalars[1], 2 * (0.3 - 0) / 3, accuracy: 1e-6)
    }

    func testAllPaddingGivesZeroLoss() {
        let padding = SequenceMask(batchSize: 2, timesteps: 3, isReal: Array(repeating: false, count: 6))
        let predictions = Tensor(shape: [2, 3, 1], scalars: probabilities).withMask(padding)
        XCTAssertEqual(Loss.binaryCrossentropy(labels, predictions).scalars, [0])
    }

    func testWithoutAMaskEveryStepCounts() {
        let predictions = Tensor(shape: [2, 3, 1], scalars: probabilities)
        XCTAssertEqual(Loss.meanSquaredError(labels, predictions).scalars[0],
                       Loss.meanSquaredError.perSample(labels, predictions).scalars.reduce(0, +) / 6, accuracy: 1e-6)
    }

    func testMetricsWeighOnlyRealSteps() {
        let predictions = Tensor(shape: [2, 3, 1], scalars: probabilities).withMask(mask)
        let values = Metric.accuracy.values(labels, predictions)
        var mean = Mean()
        mean.update(values, weights: Metric.maskWeights(of: predictions, count: values.count)!)
        // Real steps: 0.3 vs 0 (right), 0.8 vs 1 (right), 0.6 vs 1 (right); padding is all wrong.
        XCTAssertEqual(mean.result, 1)
        XCTAssertNil(Metric.maskWeights(of: predictions.withMask(nil), count: values.count))
    }
}
