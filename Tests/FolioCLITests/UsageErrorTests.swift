import XCTest

/// Bad usage and bad input exit with 2 and a message a person can act on.
final class UsageErrorTests: FolioProcessTestCase {
    func testANegativeNumberReachesTheOptionsCheckInsteadOfReadingAsAFlag() throws {
        try folio.write("nb.md", "```swift\nprint(1)\n```\n")
        for arguments in [["check", "nb.md", "--tolerance", "-1"], ["run", "nb.md", "--timeout", "-5"],
                          ["run", "nb.md", "--jobs", "-2"]] {
            let outcome = try folio.run(arguments)
            XCTAssertEqual(outcome.status, 2, arguments.joined(separator: " "))
            XCTAssertFalse(outcome.stderr.contains("Missing value"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("must be"), outcome.stderr)
        }
    }

    func testADocumentErrorIsPrintedOnceInTheCompilersForm() throws {
        try folio.write("bad.md", "```swift\nprint(1)\n")
        for command in ["clean", "export --to ipynb"] {
            let outcome = try folio.run(command.split(separator: " ").map(String.init) + ["bad.md"])
            XCTAssertEqual(outcome.status, 2, command)
            XCTAssertEqual(outcome.stderr,
                           "bad.md:1: error: code cell is never closed: add a closing fence to end the ```swift block\n",
                           command)
        }
    }
}
