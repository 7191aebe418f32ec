import XCTest
@testable import Tensors

/// Every optimizer case of Fixtures/keras-training-goldens.json: parameters and state after each step,
/// and the sparse embedding updates of Adam and RMSprop, within 1e-5.
final class OptimizerGoldenTests: XCTestCase {
    var goldens: TrainingGoldens!

    override func setUpWithError() throws {
        goldens = try TrainingGoldens.load()
    }

    func testAdamPutsEpsilonOutsideTheUncorrectedRoot() throws { try assertStepsMatch("adam", Adam()) }
    func testSGDWithMomentum() throws { try assertStepsMatch("sgd_momentum", SGD(learningRate: 0.1, momentum: 0.9)) }
    func testSGDWithNesterovMomentum() throws { try assertStepsMatch("sgd_nesterov", SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)) }
    func testRMSpropPutsEpsilonInsideTheRoot() throws { try assertStepsMatch("rmsprop", RMSprop()) }

    func testAdamUpdatesAnEmbeddingFromItsSparseRowsAsKeras() throws {
        try assertSparseStepsMatch("embedding_sparse_adam", Adam(learningRate: 0.01))
    }

    func testRMSpropUpdatesAnEmbeddingFromItsSparseRowsAsKeras() throws {
        try assertSparseStepsMatch("embedding_sparse_rmsprop", RMSprop(learningRate: 0.01))
    }

    /// A 6-vector parameter (a bias-free `Dense` kernel of shape (1, 6)) stepped with the golden gradients.
    private func assertStepsMatch(_ name: String, _ optimizer: Optimizer, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = goldens.section("optimizers", name)
        let layer = Dense(units: 6, useBias: false)
        try layer.setWeights([TrainingGoldens.tensor(golden["initial"]).reshaped(to: [1, 6])])
        let gradients = TrainingGoldens.tensors(golden["grads"])
        let after = TrainingGoldens.tensors(golden["params_after"])
        let states = golden["state_after"] as! [[Any]]
        for (step, gradient) in gradients.enumerated() {
            optimizer.apply([gradient.reshaped(to: [1, 6])], to: layer)
            assertClose(layer.weights[0].reshaped(to: [6]), after[step], file: file, line: line)
            assertStateMatches(optimizer, states[step], file: file, line: line)
        }
    }

    private func assertSparseStepsMatch(_ name: String, _ optimizer: Optimizer, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = goldens.section("optimizers", name)
        let layer = Embedding(inputDim: 8, outputDim: 2)
        try layer.setWeights([TrainingGoldens.tensor(golden["initial_table"])])
        for step in golden["steps"] as! [[String: Any]] {
            let ids = TrainingGoldens.tensor(step["ids"]), r = TrainingGoldens.tensor(step["R"])
            let (_, gradients) = valueWithGradient(of: layer) { ($0(ids) * r).sum() }
            assertClose(gradients[0], TrainingGoldens.tensor(step["grad_dense"]), file: file, line: line)
            let slices = step["grad_indexed_slices"] as! [String: Any]
            XCTAssertEqual(gradients[0].slices?.indices, (slices["indices"] as! [Int]).map { Int32($0) }, file: file, line: line)
            optimizer.apply(gradients, to: layer)
            assertClose(layer.weights[0], TrainingGoldens.tensor(step["table_after"]), file: file, line: line)
            assertStateMatches(optimizer, step["optimizer_state_after"] as! [Any], file: file, line: line)
        }
    }

    /// Keras's variables in order: iteration, learning_rate, then the slots.
    private func assertStateMatches(_ optimizer: Optimizer, _ expected: [Any], file: StaticString, line: UInt) {
        let variables = optimizer.variables
        XCTAssertEqual(variables.count, expected.count, file: file, line: line)
        for (variable, golden) in zip(variables, expected) {
            let expectedValue = TrainingGoldens.tensor(golden)
            assertClose(variable.value.reshaped(to: [-1]), expectedValue.reshaped(to: [-1]), file: file, line: line)
        }
    }
}
