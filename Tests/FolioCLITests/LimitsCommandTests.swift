import Foundation
import XCTest

/// Output limits, deterministic hashing and runs with nothing to run.
final class LimitsCommandTests: FolioProcessTestCase {
    func testALongOutputKeepsItsHeadAndTailAroundANoticeAndCheckAgreesWithRun() throws {
        try folio.write("long.md", """
            ```swift output-limit=6
            for line in 1...50 { print("line \\(line)") }
            ```

            ```swift
            for line in 1...50 { print("other \\(line)") }
            ```

            """)
        let run = try folio.run(["run", "--output-limit", "20", "long.md"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let written = try folio.read("long.md")
        XCTAssertTrue(written.contains("""
            ```output
            line 1
            line 2
            line 3
            … output truncated: 44 lines (346 bytes) omitted; a cell keeps 6 lines or 1 KiB \
            (raise it with `output-limit=LINES` on the cell or --output-limit LINES) …
            line 48
            line 49
            line 50
            ```
            """), written)
        XCTAssertTrue(written.contains("other 10\n… output truncated: 30 lines"), written)
        XCTAssertTrue(written.contains("other 41\n"), written)
        XCTAssertFalse(written.contains("other 11\n"), written)
        let check = try folio.run(["check", "--no-cache", "--output-limit", "20", "long.md"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        // Under the default limit the second cell's whole output is expected: the stored cut one is stale.
        let stale = try folio.run(["check", "--no-cache", "long.md"])
        XCTAssertEqual(stale.status, 1, stale.stdout + stale.stderr)
    }

    func testACellPrintingMegabytesStoresAboutOneMebibyte() throws {
        try folio.write("big.md", """
            ```swift
            let row = String(repeating: "x", count: 999)
            for _ in 0..<20_000 { print(row) }
            ```

            """)
        let run = try folio.run(["run", "big.md"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let size = try FileManager.default.attributesOfItem(atPath: folio.directory.appendingPathComponent("big.md").path)[.size] as! Int
        XCTAssertLessThan(size, 1_100_000)
        XCTAssertGreaterThan(size, 1_000_000)
        let written = try folio.read("big.md")
        XCTAssertTrue(written.contains("… output truncated: 18951 lines (18951424 bytes) omitted"), String(written.suffix(3000)))
    }

    func testACellPrintingWithoutEndIsStoppedAndStoresItsCutOutput() throws {
        try folio.write("endless.md", """
            ```swift
            let row = String(repeating: "y", count: 4095)
            while true { print(row) }
            ```

            """)
        let run = try folio.run(["run", "endless.md"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("endless.md:1: error: the program wrote more than the 256 MiB a file or the output may hold"),
                      run.stderr)
        let written = try folio.read("endless.md")
        XCTAssertLessThan(written.utf8.count, 1_100_000)
        XCTAssertTrue(written.contains("… output truncated: "), String(written.suffix(500)))
    }

    func testPrintingADictionaryGivesTheSameBytesOnEveryRun() throws {
        let notebook = """
            ```swift
            var scores: [String: Int] = [:]
            for key in 0..<20 { scores["word\\(key)"] = key }
            print(scores)
            print(Set(scores.keys))
            ```

            """
        var outputs: Set<String> = []
        for _ in 0..<4 {
            try folio.write("dictionary.md", notebook)
            let run = try folio.run(["run", "--no-cache", "dictionary.md"])
            XCTAssertEqual(run.status, 0, run.stderr)
            outputs.insert(try folio.read("dictionary.md"))
        }
        XCTAssertEqual(outputs.count, 1, outputs.joined(separator: "\n"))
        for _ in 0..<2 {
            let check = try folio.run(["check", "--no-cache", "dictionary.md"])
            XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        }
    }

    func testRunAndCheckOnAFolderWithoutNotebooksExitWith2() throws {
        try FileManager.default.createDirectory(at: folio.directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for command in ["run", "check"] {
            let outcome = try folio.run([command, "empty"])
            XCTAssertEqual(outcome.status, 2, command)
            XCTAssertEqual(outcome.stderr, "error: no notebooks (.md files) found in empty\n")
            XCTAssertFalse(outcome.stderr.contains("All outputs match"))
        }
    }

    func testATimeoutSaysWhichLimitAndHowToRaiseIt() throws {
        try folio.write("slow.md", "```swift timeout=1\nimport Glibc\nsleep(30)\n```\n")
        let cell = try folio.run(["run", "slow.md"])
        XCTAssertEqual(cell.status, 1)
        XCTAssertTrue(cell.stderr.contains("slow.md:1: error: cell timed out after 1 s (raise it with timeout=SECONDS on the cell)"), cell.stderr)
        try folio.write("slow.md", "```swift\nimport Glibc\nsleep(30)\n```\n")
        let notebook = try folio.run(["run", "--timeout", "1", "slow.md"])
        XCTAssertEqual(notebook.status, 1)
        XCTAssertTrue(notebook.stderr.contains("slow.md:1: error: notebook timed out after 1 s (raise it with --timeout SECONDS)"), notebook.stderr)
    }

    func testLimitFlagsRejectNonsense() throws {
        try folio.write("nb.md", "```swift\nprint(1)\n```\n")
        for arguments in [["--memory-limit", "lots"], ["--output-limit", "0"], ["--process-limit", "1"]] {
            let outcome = try folio.run(["run"] + arguments + ["nb.md"])
            XCTAssertEqual(outcome.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.stderr.contains(arguments[0]), outcome.stderr)
        }
    }

    func testTheCacheKeepsResultsOfADifferentOutputLimitApart() throws {
        try folio.write("nb.md", "```swift\nfor line in 1...30 { print(line) }\n```\n")
        XCTAssertEqual(try folio.run(["run", "--output-limit", "10", "nb.md"]).status, 0)
        XCTAssertTrue(try folio.read("nb.md").contains("output truncated"))
        // Through the cache, a check with the default limit runs again and sees all 30 lines.
        let check = try folio.run(["check", "nb.md"])
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        XCTAssertFalse(try folio.read("nb.md").contains("output truncated"))
    }
}
