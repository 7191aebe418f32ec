import Foundation
import XCTest
@testable import Tensors

/// The C activation loops the layers run (`applyFast`): close to the scalar `Activation`, and the
/// same bits for a value wherever it sits in a buffer, vector body or scalar tail.
final class FastActivationTests: XCTestCase {
    /// The activations the C kernels compute; the others run their scalar definition.
    private let kernelActivations = Activation.allCases.filter { $0.kernelKind != nil }

    /// −30…30 in steps of 1/64, plus values beyond the kernels' clamps.
    private let sweep: [Float] = (-1920...1920).map { Float($0) / 64 } + [-1e4, -100, -88.5, 88.5, 100, 1e4]

    func testTheKernelsCoverTheRecurrentDefaults() {
        XCTAssertEqual(Set(kernelActivations), [.linear, .tanh, .sigmoid, .relu, .hardSigmoid])
    }

    func testEveryActivationAgreesWithTheScalarDefinition() {
        for activation in kernelActivations {
            var values = sweep
            activation.applyFast(&values, count: values.count)
            for (x, fast) in zip(sweep, values) {
                let exact = activation(x)
                XCTAssertLessThanOrEqual(abs(fast - exact), 2e-7 + 2e-7 * abs(exact), "\(activation)(\(x)): \(fast) vs \(exact)")
            }
        }
    }

    func testSaturatedValuesAreExact() {
        var tanhValues: [Float] = [-50, -10, 10, 50, 0]
        Activation.tanh.applyFast(&tanhValues, count: tanhValues.count)
        XCTAssertEqual(tanhValues, [-1, -1, 1, 1, 0])
        var sigmoidValues: [Float] = [200, 0]
        Activation.sigmoid.applyFast(&sigmoidValues, count: sigmoidValues.count)
        XCTAssertEqual(sigmoidValues, [1, 0.5])
    }

    func testNaNStaysNaN() {
        for activation in kernelActivations {
            var values: [Float] = [.nan]
            activation.applyFast(&values, count: 1)
            XCTAssertTrue(values[0].isNaN, "\(activation)")
        }
    }

    func testResultDoesNotDependOnPositionInTheBuffer() {
        // Buffers of 1…40 values exercise the vector body and the scalar tail of every clone.
        let x: Float = 0.3711
        for activation in kernelActivations {
            var single = [x]
            activation.applyFast(&single, count: 1)
            for count in 1...40 {
                var values = [Float](repeating: x, count: count)
                activation.applyFast(&values, count: count)
                XCTAssertEqual(values.map(\.bitPattern), Array(repeating: single[0].bitPattern, count: count),
                               "\(activation) over \(count) values")
            }
        }
    }

    func testCountLimitsTheValuesChanged() {
        var values: [Float] = [1, 2, 3]
        Activation.relu.applyFast(&values, count: 0)
        Activation.tanh.applyFast(&values, count: 2)
        XCTAssertEqual(values[2], 3)
    }
}
