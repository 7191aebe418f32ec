import XCTest
@testable import Tensors

final class TensorDescriptionTests: XCTestCase {
    func testDescriptionMatchesNumpyStrForEveryFixtureCase() throws {
        let cases = try NumpyPrintCase.loadAll()
        XCTAssertGreaterThanOrEqual(cases.count, 60)
        for printCase in cases {
            XCTAssertEqual(printCase.tensor.description, printCase.str, printCase.name)
        }
    }

    func testIntegerLiteralTensorPrintsRightAlignedIntegers() {
        XCTAssertEqual(Tensor([[3, 57, 35]]).description, "[[ 3 57 35]]")
    }

    func testFloatLiteralTensorPrintsTrailingDotAndPadding() {
        XCTAssertEqual(Tensor([[1.5, 2]]).description, "[[1.5 2. ]]")
    }

    func testPrintIsTheDescription() {
        var printed = ""
        print(Tensor([1, 2]), to: &printed)
        XCTAssertEqual(printed, "[1 2]\n")
    }

    func testShortestDigitsSplitsFloatDescription() {
        let digits = ShortestDigits(Float(1.2345679e+08))
        XCTAssertEqual(digits.digits, [1, 2, 3, 4, 5, 6, 7, 9])
        XCTAssertEqual(digits.exponent, 8)
        XCTAssertEqual(ShortestDigits(Float(-0.00125)).fractionPart, "00125")
        XCTAssertEqual(ShortestDigits(Float(-0.00125)).integerPart, "0")
        XCTAssertTrue(ShortestDigits(Float(-0.0)).isNegative)
        XCTAssertEqual(ShortestDigits(Float(1500)).integerPart, "1500")
    }
}
