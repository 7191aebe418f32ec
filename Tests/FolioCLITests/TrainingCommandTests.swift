import Foundation
import XCTest

/// Training in a notebook end to end: Keras's workflow prints the same bytes on every run, its
/// History draws as figures, and misuse stops the cell with a message at its line.
final class TrainingCommandTests: FolioProcessTestCase {
    private let notebook = """
        ---
        seed: 7
        ---

        ```swift
        let model = Sequential([Dense(units: 4, activation: .relu), Dropout(rate: 0.2), Dense(units: 1, activation: .sigmoid)])
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
        let x = Tensor(shape: [40, 2], scalars: (0..<80).map { Float(($0 * 37) % 17) / 17 })
        let y = Tensor(shape: [40, 1], scalars: (0..<40).map { Float($0 % 2) })
        let history = model.fit(x, y, batchSize: 8, epochs: 3, validationSplit: 0.25)
        model.summary()
        plot(history)
        ```

        """

    func testFitPrintsKerasLinesWithoutTimesTheSameBytesEveryRunAndPlotsItsHistory() throws {
        try folio.write("train.md", notebook)
        XCTAssertEqual(try folio.run(["run", "train.md", "--no-cache"]).status, 0)
        let first = try folio.read("train.md")
        XCTAssertTrue(first.contains("Epoch 1/3\n4/4 ━━━━━━━━━━━━━━━━━━━━ - accuracy: "), first)
        XCTAssertTrue(first.contains(" - val_accuracy: "), first)
        XCTAssertFalse(first.contains("ms/step"), "wall times would change on every run")
        XCTAssertTrue(first.contains("│ dropout (Dropout)               │ (8, 4)                 │             0 │"), first)
        XCTAssertEqual(first.components(separatedBy: "](train.figures/").count - 1, 2, "loss and accuracy apart")
        XCTAssertEqual(try folio.run(["run", "train.md", "--no-cache"]).status, 0)
        XCTAssertEqual(try folio.read("train.md"), first)
        XCTAssertEqual(try folio.run(["check", "train.md", "--no-cache"]).status, 0)
    }

    func testFittingBeforeCompilingStopsTheCellAtItsLineWithWhatToDo() throws {
        try folio.write("bad.md", """
            ```swift
            let model = Sequential([Dense(units: 1)])
            model.fit(Tensor(shape: [2, 1], scalars: [1, 2]), Tensor(shape: [2, 1], scalars: [0, 1]))
            ```

            """)
        let outcome = try folio.run(["run", "bad.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("bad.md:3:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("the model is not compiled; call `sequential"), outcome.stderr)
    }
}
