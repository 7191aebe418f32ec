@testable import Folio
import XCTest

final class ProgramLastExpressionTests: XCTestCase {
    private func displayed(_ code: String) -> String {
        LastExpression(in: code).map { $0.rewriting(code) } ?? code
    }

    func testAValueExpressionIsDisplayed() {
        XCTAssertEqual(displayed("let x = 1\nx + 1\n"), "let x = 1\n__Folio.display(x + 1)\n")
        XCTAssertEqual(displayed("x"), "__Folio.display(x)")
        XCTAssertEqual(displayed("\"text\"\n"), "__Folio.display(\"text\")\n")
        XCTAssertEqual(displayed("layer(input).shape\n"), "__Folio.display(layer(input).shape)\n")
        XCTAssertEqual(displayed("x == 1\n"), "__Folio.display(x == 1)\n")
    }

    func testAssignmentsAreNotDisplayed() {
        for code in ["x = 1\n", "x += 1\n", "_ = f()\n", "a.b = c\n", "x <<= 2\n"] {
            XCTAssertNil(LastExpression(in: code), code)
        }
    }

    func testDeclarationsAndStatementsAreNotDisplayed() {
        for code in ["let x = 1\n", "var y = [1]\n", "func f() {}\n", "struct S {}\n",
                     "for i in 0..<3 { print(i) }\n", "while false {}\n", "if true { print(1) }\n",
                     "switch 1 { default: break }\n", "import Foundation\n", ""] {
            XCTAssertNil(LastExpression(in: code), code)
        }
    }

    func testPrintingCallsAreNotDisplayedButOtherCallsAre() {
        for code in ["print(1)\n", "debugPrint(x)\n", "dump(x)\n", "show(t)\n", "fatalError(\"no\")\n", "precondition(ok)\n"] {
            XCTAssertNil(LastExpression(in: code), code)
        }
        XCTAssertEqual(displayed("model.summary()\n"), "__Folio.display(model.summary())\n")
    }

    func testOnlyTheLastItemIsConsidered() {
        XCTAssertEqual(displayed("1 + 1\nprint(2)\n"), "1 + 1\nprint(2)\n")
        XCTAssertEqual(displayed("print(2); 3\n"), "print(2); __Folio.display(3)\n")
    }

    func testTryGoesOutsideTheDisplayCallAndTryQuestionMarkStaysInside() {
        XCTAssertEqual(displayed("try load()\n"), "try __Folio.display(load())\n")
        XCTAssertEqual(displayed("try? load()\n"), "__Folio.display(try? load())\n")
    }

    func testAMultiLineExpressionKeepsItsLinesAndTrailingComment() {
        let code = "[1,\n 2,\n 3] // the list\n"
        XCTAssertEqual(displayed(code), "__Folio.display([1,\n 2,\n 3]) // the list\n")
    }

    func testCodeThatDoesNotParseIsLeftForTheCompilerToReport() {
        XCTAssertNil(LastExpression(in: "let = \n1 +\n"))
    }

    func testMultiByteTextBeforeTheExpressionKeepsTheWrapAligned() {
        XCTAssertEqual(displayed("let 이름 = \"값\"\n이름\n"), "let 이름 = \"값\"\n__Folio.display(이름)\n")
    }
}
