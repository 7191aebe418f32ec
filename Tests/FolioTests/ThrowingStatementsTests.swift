@testable import Folio
import XCTest

/// Which top-level statements the program marks, so an error they let escape names its line.
final class ThrowingStatementsTests: XCTestCase {
    func testStatementsWithAPlainTryAreFoundAtTheLineTheyBegin() {
        let code = """
            struct Oops: Error {}
            func risky() throws -> Int { try other() }
            let a = try risky()
            print(a)
            for i in 0..<3 {
                print(try risky())
            }
            _ = try? risky()
            _ = try! risky()
            let b = [1].map { _ in 2 }; let c = try risky()
            """
        XCTAssertEqual(ThrowingStatements.lines(in: code), [2, 4])
    }

    func testCodeThatDoesNotParseMarksNothing() {
        XCTAssertEqual(ThrowingStatements.lines(in: "let a = try (\n"), [])
    }

    func testMarkersKeepEveryOtherLineWhereItWas() throws {
        let document = try parse("```swift\nlet a = 1\nlet b = try risky(a)\nb\n```\n")
        let source = Program(fileName: "nb.md", seed: 1, cells: document.cells).source
        XCTAssertTrue(source.contains("""
            #sourceLocation(file: "nb.md", line: 2)
            let a = 1
            __Folio.statement(line: 3)
            #sourceLocation(file: "nb.md", line: 3)
            let b = try risky(a)
            __Folio.display(b)
            #sourceLocation()
            """), source)
    }
}
