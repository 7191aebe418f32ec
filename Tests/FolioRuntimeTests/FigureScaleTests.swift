@testable import FolioRuntime
import XCTest

final class FigureScaleTests: XCTestCase {
    func testTicksStepByOneTwoOrFiveTimesAPowerOfTenAndCoverTheData() {
        let losses = NiceScale(covering: 0.31, 0.7)
        XCTAssertEqual(losses.step, 0.1, accuracy: 1e-12)
        XCTAssertEqual(losses.labels, ["0.3", "0.4", "0.5", "0.6", "0.7"])

        let counts = NiceScale(covering: 0, 97)
        XCTAssertEqual(counts.step, 20)
        XCTAssertEqual(counts.labels, ["0", "20", "40", "60", "80", "100"])

        let mixed = NiceScale(covering: -3.2, 4.8)
        XCTAssertEqual(mixed.labels, ["-4", "-2", "0", "2", "4", "6"])

        let small = NiceScale(covering: 0.012, 0.034)
        XCTAssertEqual(small.step, 0.005, accuracy: 1e-12)
        XCTAssertEqual(small.labels, ["0.010", "0.015", "0.020", "0.025", "0.030", "0.035"])
        for scale in [losses, counts, mixed, small] {
            let unit = scale.step / pow(10, floor(log10(scale.step)))
            XCTAssertTrue([1, 2, 5].contains { abs(unit - $0) < 1e-9 }, "step \(scale.step)")
        }
    }

    func testIntegerStepsNeverGoBelowOne() {
        XCTAssertEqual(NiceScale(covering: 1, 5, targetTicks: 6, integerSteps: true).labels, ["1", "2", "3", "4", "5"])
        XCTAssertEqual(NiceScale(covering: 1, 100, targetTicks: 6, integerSteps: true).labels, ["0", "20", "40", "60", "80", "100"])
    }

    func testDegenerateRangesStillGiveAnAxis() {
        let single = NiceScale(covering: 0.5, 0.5)
        XCTAssertLessThan(single.lower, 0.5)
        XCTAssertGreaterThan(single.upper, 0.5)
        XCTAssertEqual(NiceScale(covering: 3, 3, integerSteps: true).labels, ["2", "3", "4"])
        XCTAssertEqual(NiceScale(covering: .nan, .nan).labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(NiceScale(covering: -.infinity, 2).lower, 0)
    }

    func testHugeAndTinyValuesAreLabelledInExponentForm() {
        XCTAssertEqual(NiceScale(covering: 0, 3e6).labels, ["0", "1e6", "2e6", "3e6"])
        XCTAssertEqual(NiceScale(covering: 0, 1.2e6).labels, ["0", "0.5e6", "1.0e6", "1.5e6"])
        XCTAssertEqual(NiceScale(covering: 1e-6, 5e-6).labels, ["1e-6", "2e-6", "3e-6", "4e-6", "5e-6"])
    }

    func testDecimalsAreComputedOnIntegersWithoutNegativeZero() {
        XCTAssertEqual(SVGText.decimal(0.1 + 0.2, places: 2, keepingZeros: false), "0.3")
        XCTAssertEqual(SVGText.decimal(-0.001, places: 2, keepingZeros: false), "0")
        XCTAssertEqual(SVGText.decimal(-12.5, places: 1, keepingZeros: true), "-12.5")
        XCTAssertEqual(SVGText.decimal(3, places: 3, keepingZeros: true), "3.000")
        XCTAssertEqual(SVGText.decimal(0.05, places: 2, keepingZeros: true), "0.05")
        XCTAssertEqual(SVGText.coordinate(123.456), "123.46")
        XCTAssertEqual([0.00034164, -0.0454, 0.0191, 123.456, 98765.4, -2.5e7, 0].map(SVGText.short),
                       ["3.42e-4", "-0.0454", "0.0191", "123", "98765", "-2.5e7", "0"])
    }
}
