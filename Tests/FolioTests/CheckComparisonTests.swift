import Folio
import XCTest

final class CheckComparisonTests: XCTestCase {
    private let comparison = OutputComparison()

    func testIdenticalTextMatches() {
        XCTAssertTrue(comparison.matches("shape (1, 3, 100)\n", "shape (1, 3, 100)\n"))
    }

    func testNumbersWithinTheRelativeToleranceMatch() {
        XCTAssertTrue(comparison.matches("[[0.12345 -0.5]]\n", "[[0.123456 -0.50001]]\n"))
        XCTAssertTrue(comparison.matches("1e-05\n", "1.00005e-05\n"))
        XCTAssertTrue(comparison.matches("-0.\n", "0.\n"), "signed zeros are equal numbers")
    }

    func testNumbersOutsideTheToleranceDoNotMatch() {
        XCTAssertFalse(comparison.matches("0.1234\n", "0.1236\n"))
        XCTAssertFalse(comparison.matches("(1, 3, 100)\n", "(1, 3, 101)\n"))
        XCTAssertFalse(comparison.matches("0\n", "1e-09\n"), "zero only matches zero")
    }

    func testToleranceIsSettable() {
        let loose = OutputComparison(tolerance: 1e-2)
        XCTAssertTrue(loose.matches("0.1234\n", "0.1236\n"))
        let exact = OutputComparison(tolerance: 0)
        XCTAssertFalse(exact.matches("0.12345\n", "0.123456\n"))
        XCTAssertTrue(exact.matches("1.50\n", "1.5\n"), "equal values written differently still match")
    }

    func testTextAroundNumbersComparesExactly() {
        XCTAssertFalse(comparison.matches("loss 0.5\n", "Loss 0.5\n"))
        XCTAssertFalse(comparison.matches("[0.5 0.25]\n", "[0.5  0.25]\n"))
        XCTAssertFalse(comparison.matches("a\n", "a\nb\n"))
        XCTAssertFalse(comparison.matches("1 2\n", "1 2 3\n"))
    }

    func testDigitsInsideWordsAreText() {
        XCTAssertFalse(comparison.matches("float32\n", "float64\n"))
        XCTAssertFalse(comparison.matches("v1.2.3\n", "v1.2.4\n"))
    }
}
