import XCTest
@testable import Tensors

final class DropoutTests: XCTestCase {
    func testDropoutPassesItsInputThroughOutsideTraining() {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(Dropout(rate: 0.5)(x), x)
    }

    func testInTrainingItZeroesSomeValuesAndScalesTheRest() {
        setRandomSeed(5)
        let x = Tensor(shape: [1, 1000], scalars: [Float](repeating: 1, count: 1000))
        let y = LearningPhase.$isTraining.withValue(true) { Dropout(rate: 0.25)(x) }
        let values = Set(y.scalars)
        XCTAssertEqual(values, [0, Float(1) / 0.75])
        let dropped = y.scalars.filter { $0 == 0 }.count
        XCTAssertTrue((200...300).contains(dropped), "\(dropped) of 1000 dropped at rate 0.25")
    }

    func testSpatialDropoutDropsWholeChannelsAtEveryTimestep() {
        setRandomSeed(9)
        let x = Tensor(shape: [2, 5, 40], scalars: [Float](repeating: 1, count: 400))
        let y = LearningPhase.$isTraining.withValue(true) { SpatialDropout1D(rate: 0.5)(x) }.scalars
        for sample in 0..<2 {
            for channel in 0..<40 {
                let column = (0..<5).map { y[sample * 200 + $0 * 40 + channel] }
                XCTAssertEqual(Set(column).count, 1, "channel \(channel) of sample \(sample)")
            }
        }
        XCTAssertTrue(y.contains(0))
    }

    func testTheGradientFlowsOnlyThroughTheKeptValues() {
        setRandomSeed(2)
        let x = Tensor(shape: [1, 8], scalars: [Float](repeating: 1, count: 8))
        let (y, gradient) = LearningPhase.$isTraining.withValue(true) {
            valueWithGradient(at: x) { x in Dropout(rate: 0.5)(x).sum() }
        }
        XCTAssertEqual(Set(gradient.scalars), [0, 2], "dropped values get no gradient, kept ones the scale 1 / (1 − 0.5)")
        XCTAssertEqual(gradient.scalars.reduce(0, +), y.scalars[0], "each kept 1 contributes its scale to the sum")
    }
}
