import XCTest

final class RunCommandTests: FolioProcessTestCase {
    func testOutputsAreWrittenUnderTheirCellsAndASecondRunChangesNothing() throws {
        try folio.write("nb.md", """
            # Title

            ```swift
            let greeting = "hello"
            print(greeting)
            ```

            Prose stays.

            ```swift
            let n = 6 * 7
            n
            ```

            ```swift
            let silent = 1
            ```

            """)
        let first = try folio.run(["run", "nb.md"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try folio.read("nb.md")
        XCTAssertEqual(written, """
            # Title

            ```swift
            let greeting = "hello"
            print(greeting)
            ```

            ```output
            hello
            ```

            Prose stays.

            ```swift
            let n = 6 * 7
            n
            ```

            ```output
            42
            ```

            ```swift
            let silent = 1
            ```

            """)
        XCTAssertEqual(try folio.run(["run", "nb.md"]).status, 0)
        XCTAssertEqual(try folio.read("nb.md"), written)
    }

    func testACrashInTheThirdOfFiveCellsKeepsTheEarlierOutputsAndNamesItsLine() throws {
        try folio.write("crash.md", """
            ```swift
            print("one")
            ```

            ```swift
            print("two")
            let values = [1, 2]
            ```

            ```swift
            print("three")
            precondition(values.count > 5, "too few values")
            ```

            ```swift
            print("four")
            ```

            ```swift
            print("five")
            ```

            """)
        let outcome = try folio.run(["run", "crash.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("crash.md:12: error: Precondition failed: too few values"), outcome.stderr)
        let written = try folio.read("crash.md")
        XCTAssertTrue(written.contains("```output\none\n```"), written)
        XCTAssertTrue(written.contains("```output\ntwo\n```"), written)
        XCTAssertTrue(written.contains("```output\nthree\ncell:2: Precondition failed: too few values\n```"), written)
        XCTAssertFalse(written.contains("four\n```\n\n```output"), "cells after the crash do not run")
        XCTAssertFalse(written.contains("Current stack trace"), written)
    }

    func testAnErrorThrownAtTheTopLevelNamesTheStatementThatThrew() throws {
        let notebook = """
            ```swift
            struct Oops: Error {}
            func risky(_ n: Int) throws -> Int { if n > 1 { throw Oops() }; return n }
            print(try risky(1))
            ```

            ```swift
            let fine = try risky(0)
            for n in 0..<3 {
                print(try risky(n))
            }
            let total = 1
            print(total)
            ```

            """
        try folio.write("throws.md", notebook)
        let outcome = try folio.run(["run", "throws.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("throws.md:9: error: Fatal error: Error raised at top level: main.Oops()"), outcome.stderr)
        XCTAssertTrue(try folio.read("throws.md").contains("```output\n0\n1\n"))

        // The markers before throwing statements leave compile errors at their exact line and column.
        try folio.write("typo.md", notebook.replacingOccurrences(of: "print(total)", with: "print(totl)"))
        let typo = try folio.run(["run", "typo.md"])
        XCTAssertTrue(typo.stderr.contains("typo.md:13:7: error: cannot find 'totl' in scope"), typo.stderr)
    }

    func testAnInfiniteLoopIsStoppedByTheCellTimeout() throws {
        try folio.write("loop.md", """
            ```swift
            print("before")
            ```

            ```swift timeout=1
            print("spinning")
            while true {}
            ```

            """)
        let started = Date()
        let outcome = try folio.run(["run", "loop.md"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("loop.md:5: error: cell timed out after 1 s"), outcome.stderr)
        let written = try folio.read("loop.md")
        XCTAssertTrue(written.contains("```output\nbefore\n```"), written)
        XCTAssertTrue(written.contains("```output\nspinning\nError: cell timed out after 1 s\n```"), written)
    }

    func testTheNotebookTimeoutOptionStopsALongNotebook() throws {
        try folio.write("slow.md", "```swift\nwhile true {}\n```\n")
        let outcome = try folio.run(["run", "--timeout", "1", "slow.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("slow.md:1: error: notebook timed out after 1 s"), outcome.stderr)
    }

    func testTextThatLooksLikeMarkersOrFencesStaysInTheCellThatPrintedIt() throws {
        try folio.write("forge.md", """
            ```swift
            print("cell 1 0")
            print("end 0")
            print("__Folio.beginCell(1)")
            print("```")
            ```

            ```swift
            print("second")
            ```

            """)
        let outcome = try folio.run(["run", "forge.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("forge.md")
        XCTAssertTrue(written.contains("cell 1 0\nend 0\n__Folio.beginCell(1)\n```\n"), written)
        XCTAssertTrue(written.contains("```swift\nprint(\"second\")\n```\n\n```output\nsecond\n```"), written)
        XCTAssertEqual(try folio.run(["check", "forge.md"]).status, 0, "the fenced output reads back")
    }

    func testACompileErrorIsReportedAtItsMarkdownLineAndEarlierCellsKeepTheirOutputs() throws {
        try folio.write("typo.md", """
            # Notes

            ```swift
            print("fine")
            ```

            Some text
            on several lines.

            ```swift
            let total = 1
            print(totl)
            ```

            """)
        let outcome = try folio.run(["run", "typo.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("typo.md:12:7: error: cannot find 'totl' in scope"), outcome.stderr)
        XCTAssertTrue(try folio.read("typo.md").contains("```output\nfine\n```"))
    }

    func testShouldFailCellsRecordTheFailureAndLaterCellsDoNotSeeTheirEffects() throws {
        try folio.write("fails.md", """
            ```swift
            var counter = 0
            ```

            ```swift should-fail
            counter += 100
            let empty: [Int] = []
            print("about to fail")
            print(empty[1])
            ```

            ```swift should-fail
            struct Oops: Error {}
            throw Oops()
            ```

            ```swift
            print("counter is", counter)
            ```

            """)
        let outcome = try folio.run(["run", "fails.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("fails.md")
        XCTAssertTrue(written.contains("```output\nabout to fail\ncell:4: Fatal error: Index out of range\n```"), written)
        XCTAssertTrue(written.contains("```output\nUncaught error: Oops()\n```"), written)
        XCTAssertTrue(written.contains("```output\ncounter is 0\n```"), written)
    }

    func testAShouldFailCellThatCompletesFailsTheNotebook() throws {
        try folio.write("fine.md", "```swift should-fail\nprint(\"no problem\")\n```\n")
        let outcome = try folio.run(["run", "fine.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("fine.md:1: error: expected this `should-fail` cell to trap or throw"), outcome.stderr)
    }

    func testCompileFailCellsRecordTheirDiagnosticsAndAreLeftOutOfTheProgram() throws {
        try folio.write("types.md", """
            ```swift
            let count: Int = 3
            ```

            ```swift compile-fail
            let name: String = count
            ```

            ```swift
            print(count + 1)
            ```

            ```swift compile-fail
            print("this compiles")
            ```

            """)
        let outcome = try folio.run(["run", "types.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("types.md:13: error: expected a compile error in this `compile-fail` cell"), outcome.stderr)
        let written = try folio.read("types.md")
        XCTAssertTrue(written.contains("""
            ```output
            cell:1:20: error: cannot convert value of type 'Int' to specified type 'String'
            """), written)
        XCTAssertTrue(written.contains("```output\n4\n```"), written)
    }

    func testIgnoreCellsAreNeitherCompiledNorRun() throws {
        try folio.write("ignore.md", """
            ```swift ignore
            this is not Swift {
            ```

            ```swift
            print("ran")
            ```

            """)
        let outcome = try folio.run(["run", "ignore.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("ignore.md")
        XCTAssertTrue(written.hasPrefix("```swift ignore\nthis is not Swift {\n```\n\n```swift"), written)
        XCTAssertTrue(written.contains("```output\nran\n```"), written)
    }

    func testBadInputExitsWithTwoAndWritesNothing() throws {
        let good = "```swift\nprint(1)\n```\n"
        try folio.write("a-good.md", good)
        let bad = "text\n\n```swift frobnicate\nprint(2)\n```\n"
        try folio.write("b-bad.md", bad)
        let outcome = try folio.run(["run", "."])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("b-bad.md:3: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("frobnicate"), outcome.stderr)
        XCTAssertEqual(try folio.read("a-good.md"), good)
        XCTAssertEqual(try folio.read("b-bad.md"), bad)
    }

    func testMissingPathsAndBadOptionsExitWithTwo() throws {
        let missing = try folio.run(["run", "nowhere.md"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere.md: error: no such file or directory"), missing.stderr)
        XCTAssertEqual(try folio.run(["run", "--timeout", "-1"]).status, 2)
        XCTAssertEqual(try folio.run(["frobnicate"]).status, 2)
    }

    func testTwoRunsOfTheSameNotebookWriteIdenticalBytesAndTheSeedChoosesTheValues() throws {
        let text = """
            ---
            seed: 7
            ---
            ```swift
            print(Tensor.randomUniform(shape: [2, 3]))
            ```

            """
        try folio.write("one/nb.md", text)
        try folio.write("two/nb.md", text)
        try folio.write("other/nb.md", text.replacingOccurrences(of: "seed: 7", with: "seed: 8"))
        XCTAssertEqual(try folio.run(["run", "one/nb.md", "two/nb.md", "other/nb.md"]).status, 0)
        let one = try folio.read("one/nb.md")
        XCTAssertTrue(one.contains("```output\n[["), one)
        XCTAssertEqual(one, try folio.read("two/nb.md"))
        XCTAssertNotEqual(one.replacingOccurrences(of: "seed: 7", with: "seed: 8"), try folio.read("other/nb.md"))
    }

    func testWithoutASeedTheNotebookUsesTheDefaultSeedEveryRun() throws {
        let text = "```swift\nTensor.randomNormal(shape: [3])\n```\n"
        try folio.write("a.md", text)
        try folio.write("b.md", text)
        XCTAssertEqual(try folio.run(["run", "a.md", "b.md"]).status, 0)
        XCTAssertEqual(try folio.read("a.md"), try folio.read("b.md"))
        XCTAssertTrue(try folio.read("a.md").contains("```output\n["))
    }

    func testCRLFAndTabIndentedNotebooksKeepTheirLineEndingsAndIndentation() throws {
        try folio.write("crlf.md", "# CRLF\r\n\r\n```swift\r\nfor i in 0..<2 {\r\n\tprint(\"row\\t\\(i)\")\r\n}\r\n```\r\n")
        try folio.write("list.md", "- item\n\n\t```swift\n\tprint(\"in a list\")\n\t```\n")
        let outcome = try folio.run(["run", "crlf.md", "list.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try folio.read("crlf.md"),
                       "# CRLF\r\n\r\n```swift\r\nfor i in 0..<2 {\r\n\tprint(\"row\\t\\(i)\")\r\n}\r\n```\r\n\r\n```output\r\nrow\t0\r\nrow\t1\r\n```\r\n")
        let list = try folio.read("list.md")
        XCTAssertTrue(list.contains("in a list\n"), list)
    }

    func testRunThenCheckAgreeOnHostileOutput() throws {
        // Progress lines, CRLF, NUL, invalid UTF-8, a fence, HTML and ANSI colours: whatever a cell prints,
        // `check` right after `run` finds the outputs current, with and without the cache.
        try folio.write("hostile.md", """
            ```swift
            import Foundation
            print("loading 10%\\rloading 100%")
            print("crlf\\r\\nnul\\u{0}end")
            FileHandle.standardOutput.write(Data([0x66, 0xFF, 0x0A]))
            print("```\\n<script>x</script>\\n\\u{1B}[31mred\\u{1B}[0m")
            ```

            """)
        XCTAssertEqual(try folio.run(["run", "hostile.md"]).status, 0)
        let stored = try folio.read("hostile.md")
        XCTAssertTrue(stored.contains("````output\nloading 100%\ncrlf\nnul\u{FFFD}end\nf\u{FFFD}\n```\n<script>x</script>\n"), stored)
        for cache in [[], ["--no-cache"]] {
            let check = try folio.run(["check", "hostile.md"] + cache)
            XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        }
    }

    func testDirectoriesAreSearchedRecursivelyAndNotebooksDefaultToTheNotebooksFolder() throws {
        try folio.write("Notebooks/b.md", "```swift\nprint(\"b\")\n```\n")
        try folio.write("Notebooks/a/inner.md", "```swift\nprint(\"inner\")\n```\n")
        try folio.write("Notebooks/notes.txt", "not a notebook")
        let outcome = try folio.run(["run"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try folio.read("Notebooks/b.md").contains("```output\nb\n```"))
        XCTAssertTrue(try folio.read("Notebooks/a/inner.md").contains("```output\ninner\n```"))
        let order = ["Notebooks/a/inner.md", "Notebooks/b.md"].map { outcome.stderr.range(of: $0)?.lowerBound }
        XCTAssertTrue(order[0] != nil && order[1] != nil && order[0]! < order[1]!, outcome.stderr)
    }

    func testANotebookRunsInItsOwnDirectoryFromAnyWorkingDirectory() throws {
        try folio.write("data/values.txt", "from a file")
        let path = try folio.write("data/reader.md", """
            ```swift
            import Foundation
            print(try String(contentsOfFile: "values.txt", encoding: .utf8))
            ```

            """)
        let outcome = try folio.run(["run", path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try folio.read("data/reader.md").contains("```output\nfrom a file\n```"))
    }
}

final class RunCommandToolchainTests: FolioProcessTestCase {
    func testAMissingRuntimeExitsWithTwoAndSaysWhatToDo() throws {
        let text = "```swift\nprint(1)\n```\n"
        try folio.write("nb.md", text)
        let outcome = try folio.run(["run", "nb.md"], environment: ["FOLIO_RUNTIME_DIR": "/nonexistent"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("error: the notebook runtime is missing: /nonexistent/libFolioRuntime.so does not exist"), outcome.stderr)
        XCTAssertEqual(try folio.read("nb.md"), text)
    }
}
