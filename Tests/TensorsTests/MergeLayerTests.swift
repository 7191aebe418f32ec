import XCTest
@testable import Tensors

/// The merge and reshaping layers: gradients against central differences, masks, and errors that
/// name the layer and the shapes. (Their outputs against Keras's are in FunctionalFitGoldenTests.)
final class MergeLayerTests: XCTestCase {
    private let x = Tensor(shape: [2, 3, 4], scalars: (0..<24).map { Float($0 % 7) / 5 - 0.6 })
    private let y = Tensor(shape: [2, 5, 4], scalars: (0..<40).map { Float($0 % 9) / 6 - 0.7 })
    private let weights = Tensor(shape: [2, 3, 5], scalars: (0..<30).map { Float($0 % 5) - 2 })

    func testDotGradientsReachBothInputs() {
        assertGradientMatchesDifferences(x, "x") { (Dot(axes: 2)([$0, self.y]) * self.weights).sum() }
        assertGradientMatchesDifferences(y, "y") { (Dot(axes: -1)([self.x, $0]) * self.weights).sum() }
        assertGradientMatchesDifferences(x, "normalized") { (Dot(axes: 2, normalize: true)([$0, self.y]) * self.weights).sum() }
        let rows = Tensor(shape: [2, 4], scalars: [0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, -0.1])
        assertGradientMatchesDifferences(rows, "rank 2") { pow(Dot(axes: 1)([$0, $0 * 2 + 1]), 2).sum() }
    }

    func testAddMultiplyConcatenateFlattenReshapeAndActivationGradients() {
        let other = x * 0.5 + 0.25
        assertGradientMatchesDifferences(x, "add") { (Add()([$0, other, $0]) * other).sum() }
        assertGradientMatchesDifferences(x, "multiply") { Multiply()([$0, other, $0]).sum() }
        assertGradientMatchesDifferences(x, "concatenate") {
            (Concatenate(axis: 1)([$0, other]) * Tensor(shape: [1, 6, 1], scalars: [1, -2, 3, -1, 2, 0.5])).sum()
        }
        assertGradientMatchesDifferences(x, "flatten") { (Flatten()($0) * Tensor(shape: [12], scalars: (0..<12).map(Float.init))).sum() }
        assertGradientMatchesDifferences(x, "reshape") { pow(Reshape(targetShape: [4, 3])($0), 3).sum() }
        assertGradientMatchesDifferences(x, "activation") { (ActivationLayer(.tanh)($0) * other).sum() }
    }

    func testASigmoidActivationLayerKeepsItsLogitsAndItsInputsMask() {
        let mask = SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, true, false, true, false, false])
        let output = ActivationLayer(.sigmoid)(x.withMask(mask))
        XCTAssertEqual(output, sigmoid(x))
        XCTAssertEqual(output.logits?.tensor, x)
        XCTAssertEqual(output.mask, mask)
        XCTAssertEqual(LayerName.kerasTypeName(of: ActivationLayer(.relu)), "Activation")
    }

    // The expected masks are what Keras 3.15.1 attaches (`_keras_mask`) to the same merges.
    func testAddAndMultiplyKeepTheStepsRealInAnyInputAndNoMaskWhenAnInputHasNone() {
        let first = SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, true, false, true, false, false])
        let second = SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, false, false, false, false, true])
        XCTAssertEqual(Add()([x.withMask(first), x.withMask(second)]).mask?.isReal, [true, true, false, true, false, true])
        XCTAssertEqual(Multiply()([x.withMask(first), x.withMask(second), x.withMask(first)]).mask?.isReal,
                       [true, true, false, true, false, true])
        XCTAssertNil(Add()([x.withMask(first), x]).mask)
        XCTAssertNil(Multiply()([x, x]).mask)
    }

    func testConcatenateJoinsMasksAlongStepsAndCombinesThemAlongFeaturesAsKerasDoes() {
        let first = SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, true, false, true, false, false])
        let second = SequenceMask(batchSize: 2, timesteps: 3, isReal: [true, false, false, false, false, true])
        XCTAssertEqual(Concatenate()([x.withMask(first), x.withMask(second)]).mask?.isReal, [true, true, false, true, false, true])
        XCTAssertEqual(Concatenate()([x.withMask(first), x]).mask?.isReal, Array(repeating: true, count: 6), "unmasked counts as real")
        let alongSteps = Concatenate(axis: 1)([x.withMask(first), y])
        XCTAssertEqual(alongSteps.mask?.timesteps, 8)
        XCTAssertEqual(alongSteps.mask?.isReal, [true, true, false] + Array(repeating: true, count: 5) + [true, false, false] + Array(repeating: true, count: 5))
        XCTAssertNil(Concatenate()([x, x]).mask)
    }

    func testWrongShapesAreRefusedNamingTheLayerAndTheShapes() {
        XCTAssertThrowsError(try Dot(axes: 2).validatedAxes([x, Tensor(shape: [2, 5, 3], scalars: [Float](repeating: 0, count: 30))])) { error in
            XCTAssertEqual("\(error)", "Dot(axes: 2): the inputs' sizes on the product's axes differ: 4 (axis 2 of (2, 3, 4)) and 3 (axis 2 of (2, 5, 3))")
        }
        XCTAssertThrowsError(try Dot(axes: 0).validatedAxes([x, y])) { error in
            XCTAssertEqual("\(error)", "Dot(axes: 0): axis 0 is not an axis of shape (2, 3, 4) other than the batch axis")
        }
        XCTAssertThrowsError(try Dot(axes: 1).validatedAxes([x])) { error in
            XCTAssertEqual("\(error)", "Dot(axes: 1) takes 2 inputs, got 1 of shapes (2, 3, 4)")
        }
        XCTAssertThrowsError(try validateElementwise([x, y], for: "Add()")) { error in
            XCTAssertEqual("\(error)", "Add() combines inputs elementwise: they need the same shape (or 1 on an axis to broadcast), got shapes (2, 3, 4), (2, 5, 4)")
        }
        XCTAssertNoThrow(try validateElementwise([x, Tensor(shape: [2, 1, 4], scalars: [Float](repeating: 1, count: 8))], for: "Add()"))
    }
}
