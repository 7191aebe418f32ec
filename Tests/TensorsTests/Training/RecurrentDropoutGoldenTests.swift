import Foundation
import XCTest
@testable import Tensors

/// How Keras 3.15.1 applies recurrent layers' dropout masks in training, pinned by its outputs on
/// given masks (Fixtures/keras-recurrent-dropout.json, made by make_recurrent_dropout_goldens.py):
/// the float64 reference with the same masks matches them, and the finite-difference tests hold the
/// engine's forward and backward passes to that reference on the masks the engine draws.
final class RecurrentDropoutGoldenTests: XCTestCase {
    private struct Array32: Decodable {
        let shape: [Int]
        let values: [Float]
    }

    private struct Case: Decodable {
        let weights: [Array32]
        let input_masks: [Array32]
        let recurrent_masks: [Array32]
        let output: Array32
    }

    private struct Goldens: Decodable {
        let input: [Float]
        let mask: [Bool]
        let cases: [String: Case]
    }

    private let goldens: Goldens = {
        let url = Bundle.module.url(forResource: "Fixtures/keras-recurrent-dropout", withExtension: "json")!
        return try! JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }()

    static let batch = 3, timesteps = 5, features = 4, units = 3

    func testSimpleRNNDropsInputsAndHWithOneMaskEach() throws { try check("simple_rnn_both", .simpleRNN, goBackwards: true) }
    func testLSTMWithInputDropoutAloneSharesOneMask() throws { try check("lstm_input_only", .lstm) }
    func testLSTMWithRecurrentDropoutDropsHPerGate() throws { try check("lstm_recurrent_only", .lstm) }
    func testLSTMWithBothDropoutsDrawsAMaskPerGateForEach() throws { try check("lstm_both", .lstm, goBackwards: true) }
    func testGRUResettingAfterWithBothDropouts() throws { try check("gru_reset_after_both", .gru(resetAfter: true)) }
    func testGRUResettingBeforeDropsHBeforeTheResetGate() throws { try check("gru_reset_before_both", .gru(resetAfter: false)) }
    func testGRUWithInputDropoutAloneSharesOneMask() throws { try check("gru_input_only", .gru(resetAfter: true), goBackwards: true) }

    private func check(_ name: String, _ kind: RecurrentReference.Kind, goBackwards: Bool = false,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = try XCTUnwrap(goldens.cases[name])
        let (b, t, f, u) = (Self.batch, Self.timesteps, Self.features, Self.units)
        var reference = RecurrentReference(kind: kind, units: u, activation: .tanh, recurrentActivation: .sigmoid,
                                           goBackwards: goBackwards, zeroOutputForMask: false)
        if !golden.input_masks.isEmpty { reference.inputScales = golden.input_masks.map { $0.values.map(Double.init) } }
        if !golden.recurrent_masks.isEmpty {
            // Keras's per-gate (batch, units) masks, as the reference's (batch, gateCount · units).
            let gates = golden.recurrent_masks
            reference.recurrentScales = (0..<b).flatMap { row in
                gates.flatMap { gate in gate.values[(row * u)..<((row + 1) * u)].map(Double.init) }
            }
        }
        let weights = golden.weights.map { $0.values.map(Double.init) }
        let result = reference.run(x: goldens.input.map(Double.init), batch: b, timesteps: t, features: f, mask: goldens.mask,
                                   kernel: weights[0], recurrentKernel: weights[1], bias: weights[2], initialStates: nil)
        XCTAssertEqual(golden.output.shape, [b, t, u], file: file, line: line)
        for (i, (value, expected)) in zip(result.sequence, golden.output.values).enumerated() {
            XCTAssertEqual(value, Double(expected), accuracy: 1e-5, "\(name), value \(i)", file: file, line: line)
        }
    }
}
