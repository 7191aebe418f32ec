import XCTest
@testable import Tensors

final class ProgressBarTests: XCTestCase {
    func testVerboseTwoIsKerassEpochLineWithoutItsTimes() throws {
        let golden = try TrainingGoldens.load().section("fit", "embedding_lstm_binary")
        let normalized = golden["verbose2_text_normalized"] as! String
        let withoutTimes = normalized.replacingOccurrences(of: " - <epoch_seconds>s - <time_per_step>/step", with: "")
        let bar = ProgressBar(target: 3, verbose: 2)
        XCTAssertTrue(withoutTimes.contains(bar.line(step: 3, logs: [("accuracy", 0.5), ("loss", 0.7156263)]) + "\n"), withoutTimes)
    }

    func testVerboseOneDrawsKerassFullBarAndPadsTheStepCount() {
        let bar = ProgressBar(target: 313, verbose: 1)
        XCTAssertEqual(bar.line(step: 313, logs: [("accuracy", 0.81234), ("loss", 0.4012)]),
                       "313/313 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.8123 - loss: 0.4012")
        XCTAssertTrue(bar.line(step: 7, logs: []).hasPrefix("  7/313 "))
    }

    func testSmallValuesUseScientificNotationAsKerasDoes() {
        XCTAssertEqual(ProgressBar.formatted(0.00012345, verbose: 1), "1.2345e-04")
        XCTAssertEqual(ProgressBar.formatted(-0.5, verbose: 1), "-0.5000")
        XCTAssertEqual(ProgressBar.formatted(-0.5, verbose: 2), "-5.0000e-01", "verbose 2 compares the value, not its magnitude")
        XCTAssertEqual(ProgressBar.formatted(0.0009, verbose: 1), "9.0000e-04")
    }
}
