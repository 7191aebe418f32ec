import Folio
import XCTest

final class DocumentErrorTests: XCTestCase {
    func testMissingFileIsAnErrorWithoutLine() {
        let path = "/nonexistent-folio-dir/lesson.md"
        XCTAssertThrowsError(try Document(contentsOf: path)) { error in
            let error = error as? DocumentError
            XCTAssertEqual(error?.path, path)
            XCTAssertNil(error?.line)
            XCTAssertEqual(error?.description, "\(path): error: cannot read the file: No such file or directory")
        }
    }

    func testDirectoryIsNotReadableAsANotebook() {
        XCTAssertThrowsError(try Document(contentsOf: NSTemporaryDirectory())) { error in
            XCTAssertTrue((error as? DocumentError)?.message.contains("Is a directory") == true, "\(error)")
        }
    }

    func testInvalidUTF8NamesLineAndColumn() {
        let error = parseError(Array("# Title\n\nok line\nbad ".utf8) + [0xFF] + Array(" here\n".utf8), path: "notes.md")
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.description, "notes.md:4: error: invalid UTF-8: byte 0xFF at column 5")
    }

    func testTruncatedMultiByteSequenceIsInvalidUTF8() {
        let error = parseError(Array("a\n".utf8) + [0xE2, 0x82])
        XCTAssertEqual(error?.line, 2)
    }

    func testUnknownCellOptionNamesTheFenceLine() {
        let error = parseError("Text\n\n```swift hide-cod\nprint(1)\n```\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("unknown cell option 'hide-cod'") == true, "\(String(describing: error))")
    }

    func testMalformedTimeoutAndExclusiveOptionsAreErrors() {
        XCTAssertEqual(parseError("```swift timeout=-1\n```\n")?.message, "'timeout=-1': timeout must be a positive number of seconds")
        XCTAssertEqual(parseError("\n```swift ignore should-fail\n```\n")?.line, 2)
    }

    func testUnclosedCellRunningToEndOfFileIsAnError() {
        let error = parseError("Intro\n\n```swift\nprint(1)\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("never closed") == true)
    }

    func testCellCutOffByTheEndOfItsBlockQuoteIsUnclosed() {
        XCTAssertEqual(parseError("> ```swift\n> print(1)\n```\n")?.line, 1)
        XCTAssertEqual(parseError("> ```swift\n> print(1)\nafter\n")?.line, 1)
    }

    func testUnclosedOutputBlockIsAnError() {
        let error = parseError("```swift\nprint(1)\n```\n\n```output\n1\n")
        XCTAssertEqual(error?.line, 5)
        XCTAssertTrue(error?.message.contains("output block is never closed") == true)
    }

    func testOutputBlockAfterProseIsAnError() {
        let error = parseError("```swift\nprint(1)\n```\n\nSome prose.\n\n```output\n1\n```\n")
        XCTAssertEqual(error?.line, 7)
        XCTAssertTrue(error?.message.contains("does not directly follow a ```swift cell") == true)
    }

    func testOutputBlockAtTheTopOrAfterAnotherLanguageIsAnError() {
        XCTAssertEqual(parseError("```output\n1\n```\n")?.line, 1)
        XCTAssertEqual(parseError("```python\nprint(1)\n```\n```output\n1\n```\n")?.line, 4)
    }

    func testOutputBlockOutsideTheCellsContainerIsAnError() {
        XCTAssertEqual(parseError("> ```swift\n> print(1)\n> ```\n\n```output\n1\n```\n")?.line, 5)
    }

    func testTwoOutputBlocksAfterOneCellAreAnError() {
        let error = parseError("```swift\nprint(1)\n```\n```output\n1\n```\n\n```output\n1\n```\n")
        XCTAssertEqual(error?.line, 8)
        XCTAssertTrue(error?.message.contains("second output block") == true)
    }

    func testOutputBlockWithOptionsIsAnError() {
        let error = parseError("```swift\nprint(1)\n```\n\n```output {.wide}\n1\n```\n")
        XCTAssertEqual(error?.line, 5)
        XCTAssertTrue(error?.message.contains("'output {.wide}'") == true)
    }

    func testErrorDescriptionIsFileColonLine() {
        XCTAssertEqual(DocumentError(path: "a.md", line: 3, message: "bad").description, "a.md:3: error: bad")
    }
}
