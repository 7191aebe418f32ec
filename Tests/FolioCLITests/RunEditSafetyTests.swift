import Foundation
import XCTest

/// `folio run` never loses what the author wrote: an edit saved while the notebook runs survives, and a
/// read-only notebook is refused.
final class RunEditSafetyTests: FolioProcessTestCase {
    /// A notebook whose only cell prints, sleeps 4 s (time to edit the file), and prints again.
    private let slowNotebook = """
        # Slow

        ```swift
        import Foundation
        print("start")
        Thread.sleep(forTimeInterval: 4)
        print("done")
        ```

        """

    func testAParagraphAppendedWhileTheCellRunsIsKeptAndTheOutputIsWrittenIntoTheFileAsItIsNow() throws {
        let path = try folio.write("nb.md", slowNotebook)
        let started = try folio.start(["run", "--no-cache", "nb.md"])
        let run = started.process
        try waitForNotebookProgram(of: run)
        try appendToFile(path, "\nA paragraph saved during the run.\n")
        run.waitUntilExit()
        let stderr = started.read(started.stderr)
        XCTAssertEqual(run.terminationStatus, 0, stderr)
        XCTAssertEqual(try folio.read("nb.md"), """
            # Slow

            ```swift
            import Foundation
            print("start")
            Thread.sleep(forTimeInterval: 4)
            print("done")
            ```

            ```output
            start
            done
            ```

            A paragraph saved during the run.

            """)
    }

    func testACellEditedWhileItRunsLeavesTheFileAloneAndSaysSo() throws {
        let path = try folio.write("nb.md", slowNotebook)
        let started = try folio.start(["run", "--no-cache", "nb.md"])
        let run = started.process
        try waitForNotebookProgram(of: run)
        let edited = slowNotebook.replacingOccurrences(of: "print(\"done\")", with: "print(\"finished\")")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        run.waitUntilExit()
        let stderr = started.read(started.stderr)
        XCTAssertEqual(run.terminationStatus, 1, stderr)
        XCTAssertEqual(try folio.read("nb.md"), edited, "the author's edit stays and no output is written")
        XCTAssertTrue(stderr.contains("nb.md: error: changed while running; outputs not written; run again"), stderr)
    }

    func testACellThatAppendsToItsOwnNotebookKeepsWhatItAppended() throws {
        let notebook = """
            ```swift
            import Foundation
            let handle = FileHandle(forWritingAtPath: "nb.md")!
            handle.seekToEndOfFile()
            handle.write(Data("\\nWritten by the cell.\\n".utf8))
            print("appended")
            ```

            """
        try folio.write("nb.md", notebook)
        // The sandbox keeps the lesson's folder read-only; a notebook that writes to itself opts out.
        let outcome = try folio.run(["run", "--no-cache", "--no-sandbox", "nb.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try folio.read("nb.md"), notebook.replacingOccurrences(of: "print(\"appended\")\n```\n", with: """
            print("appended")
            ```

            ```output
            appended
            ```

            """) + "\nWritten by the cell.\n")
    }

    func testAReadOnlyNotebookIsRefusedByNameAndLeftAsItIs() throws {
        let notebook = "```swift\nprint(1)\n```\n"
        let path = try folio.write("locked.md", notebook)
        XCTAssertEqual(chmod(path, 0o444), 0)
        let outcome = try folio.run(["run", "--no-cache", "locked.md"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("locked.md: error: cannot write the outputs: the file is read-only (mode 444)"), outcome.stderr)
        XCTAssertEqual(try folio.read("locked.md"), notebook)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o444, "the file was not replaced by a writable copy")
    }

    func testPreviewShowsAParagraphSavedWhileTheNotebookRanWithTheOutput() throws {
        let path = try folio.write("nb.md", slowNotebook)
        let started = try folio.start(["preview", "nb.md", "--port", "0", "--out", "site"])
        let preview = started.process
        defer {
            kill(preview.processIdentifier, SIGKILL)
            preview.waitUntilExit()
        }
        try waitForNotebookProgram(of: preview)
        try appendToFile(path, "\nA paragraph saved during the run.\n")
        let deadline = Date().addingTimeInterval(120)
        while !started.read(started.stdout).contains("Serving"), Date() < deadline, preview.isRunning { usleep(50_000) }
        let page = try folio.read("site/nb.html")
        XCTAssertTrue(page.contains("A paragraph saved during the run."), page)
        XCTAssertTrue(page.contains("start\ndone"), page)
        XCTAssertEqual(try folio.read("nb.md"), slowNotebook + "\nA paragraph saved during the run.\n", "preview never writes the notebook")
    }

    /// Waits until `folio` has started the notebook's program (a process named `notebook` among its
    /// descendants), so that an edit made now lands while the cell runs.
    private func waitForNotebookProgram(of run: Process) throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            XCTAssertTrue(run.isRunning, "folio ended before its notebook program started")
            if descendants(of: run.processIdentifier).contains(where: { command(of: $0) == "notebook" }) { return }
            usleep(50_000)
        }
        XCTFail("the notebook program never started")
    }

    private func descendants(of root: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [Int32: Int32] = [:]
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // Fields after the command: state, then the parent's id.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[pid] = parent }
        }
        return parents.keys.filter { pid in
            var current = pid
            while let parent = parents[current], parent > 1 {
                if parent == root { return true }
                current = parent
            }
            return false
        }
    }

    private func command(of pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func appendToFile(_ path: String, _ text: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }
}
