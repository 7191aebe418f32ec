import Foundation
import XCTest
@testable import Tensors

/// Every Keras 3 activation Folio names, against Keras 3.15.1's own outputs on the same inputs
/// (Fixtures/keras-activations.json, made by make_activation_goldens.py there).
final class ActivationGoldenTests: XCTestCase {
    private struct Goldens: Decodable {
        let input: [Float]
        let outputs: [String: [Float]]
    }

    private let goldens: Goldens = {
        let url = Bundle.module.url(forResource: "Fixtures/keras-activations", withExtension: "json")!
        return try! JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }()

    private var input: Tensor { Tensor(shape: [2, 3, 7], scalars: goldens.input) }

    func testEveryActivationMatchesKeras() throws {
        for (name, expected) in goldens.outputs.sorted(by: { $0.key < $1.key }) {
            let activation = try XCTUnwrap(Activation(kerasName: name), "no activation named \(name)")
            assertMatches(input.applying(activation).scalars, expected, name)
        }
    }

    func testEveryActivationHasAGolden() {
        for activation in Activation.allCases {
            XCTAssertNotNil(goldens.outputs[activation.rawValue], "\(activation.rawValue) has no Keras golden")
        }
    }

    func testLayerLoopsMatchKeras() {
        // What Dense runs on its output buffer: the C kernels or the scalar definition, or the row normalisation.
        for activation in Activation.allCases {
            var values = goldens.input
            values.withUnsafeMutableBufferPointer { buffer in
                if activation.isElementwise {
                    activation.applyFast(buffer.baseAddress!, count: buffer.count)
                } else {
                    activation.normalizeRows(buffer.baseAddress!, rows: 6, length: 7)
                }
            }
            assertMatches(values, goldens.outputs[activation.rawValue]!, "\(activation.rawValue) in place")
        }
    }

    func testDenseWithSoftmaxGivesRowsSummingToOne() throws {
        let dense = Dense(units: 4, activation: .softmax)
        let output = dense(Tensor(shape: [3, 2], scalars: [1, 2, -3, 0.5, 40, -40]))
        for row in 0..<3 {
            XCTAssertEqual(output.scalars[row * 4..<(row + 1) * 4].reduce(0, +), 1, accuracy: 1e-6)
        }
        XCTAssertEqual(Activation(kerasName: "swish"), .silu)
        XCTAssertEqual(Activation(kerasName: "hard_swish"), .hardSilu)
        XCTAssertNil(Activation(kerasName: "threshold"), "needs arguments Keras cannot take by name")
    }

    /// Within 2e-6 absolute or relative: float32 libm and TensorFlow's kernels differ by an ulp or two.
    private func assertMatches(_ actual: [Float], _ expected: [Float], _ name: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, name, file: file, line: line)
        for (index, (value, reference)) in zip(actual, expected).enumerated() {
            let close = abs(value - reference) <= 2e-6 * Swift.max(1, abs(reference)) || (value.isNaN && reference.isNaN)
            XCTAssertTrue(close, "\(name)(\(goldens.input[index])) = \(value), Keras gives \(reference)", file: file, line: line)
        }
    }
}
