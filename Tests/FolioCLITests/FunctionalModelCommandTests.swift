import Foundation
import XCTest

/// Keras's functional API in a notebook end to end: a two-input skip-gram model summarised as Keras
/// summarises it and trained, and the graph's misuse stopping the cell at its line with the layer,
/// the input and the shapes.
final class FunctionalModelCommandTests: FolioProcessTestCase {
    func testASkipGramModelSummarisesTrainsAndRefusesAWrongGraph() throws {
        try folio.write("skipgram.md", """
            ```swift
            let target = Input(shape: [1], dtype: .int32, name: "target")
            let context = Input(shape: [1], dtype: .int32, name: "context")
            let similarity = Dot(axes: 2)([Embedding(inputDim: 50, outputDim: 8)(target), Embedding(inputDim: 50, outputDim: 8)(context)])
            let model = Model(inputs: [target, context], outputs: ActivationLayer(.sigmoid)(Flatten()(similarity)))
            model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
            model.summary()
            let x = [Tensor(shape: [6, 1], integers: [1, 2, 3, 4, 5, 6]), Tensor(shape: [6, 1], integers: [2, 3, 4, 5, 6, 7])]
            let history = model.fit(x, Tensor(shape: [6, 1], scalars: [1, 0, 1, 0, 1, 0]), batchSize: 2, epochs: 2)
            ```

            ```swift should-fail
            let sequence = LSTM(units: 3)(Input(shape: [4], name: "flat"))
            ```

            ```swift should-fail
            let a = Input(shape: [3], name: "a"), b = Input(shape: [3], name: "b")
            let broken = Model(inputs: a, outputs: Add()([a, b]))
            ```

            """)
        XCTAssertEqual(try folio.run(["run", "skipgram.md", "--no-cache"]).status, 0)
        let text = try folio.read("skipgram.md")
        XCTAssertTrue(text.contains("""
            │ dot (Dot)           │ (None, 1, 1)      │          0 │ embedding[0][0],  │
            │                     │                   │            │ embedding_1[0][0] │
            """), text)
        XCTAssertTrue(text.contains("│ target (InputLayer) │ (None, 1)         │          0 │ -                 │"), text)
        XCTAssertTrue(text.contains("Epoch 2/2\n3/3 ━━━━━━━━━━━━━━━━━━━━ - accuracy: "), text)
        XCTAssertTrue(text.contains("""
            cell:1: Fatal error: lstm (LSTM) expects input of rank 3 (batch, timesteps, features), got symbolic input of shape (None, 4) of rank 2 from flat
            """), text)
        XCTAssertTrue(text.contains("""
            cell:2: Fatal error: Model(inputs:outputs:): the outputs are not computed from the inputs: add (Add) reads input 'b' of shape (None, 3), which is not among the model's inputs ('a'); add it to inputs
            """), text)
        XCTAssertEqual(try folio.run(["check", "skipgram.md", "--no-cache"]).status, 0)
    }
}
