import Foundation
import XCTest

/// `folio` at scale: the cache, parallel jobs, shards; and the author commands new, clean, export.
final class ScaleCommandTests: FolioProcessTestCase {
    /// A small notebook whose output names it, so every file's expected output is known.
    private func notebook(_ number: Int, prose: String = "Prose.") -> String {
        """
        # Notebook \(number)

        \(prose)

        ```swift
        let n = \(number)
        print("notebook", n * 10)
        ```

        """
    }

    private func expected(_ number: Int, prose: String = "Prose.") -> String {
        notebook(number, prose: prose) + "\n```output\nnotebook \(number * 10)\n```\n"
    }

    /// Starts `folio` without waiting, with its own output files so runs can overlap.
    private func start(_ arguments: [String], name: String) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = FolioProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = folio.directory
        let log = folio.directory.appendingPathComponent(".\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        return (process, log)
    }

    func testProseEditIsACacheHitAndACellEditRunsAgain() throws {
        try folio.write("Notebooks/a.md", notebook(1))
        let first = try folio.run(["run", "Notebooks"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("1 notebook: 1 run, 0 cached, 0 failed"), first.stderr)

        try folio.write("Notebooks/a.md", try folio.read("Notebooks/a.md")
            .replacingOccurrences(of: "Prose.", with: "Much longer prose,\nnow over\nthree lines."))
        let proseEdit = try folio.run(["check", "Notebooks"])
        XCTAssertEqual(proseEdit.status, 0, proseEdit.stdout + proseEdit.stderr)
        XCTAssertTrue(proseEdit.stderr.contains("1 notebook: 0 run, 1 cached, 0 failed"), proseEdit.stderr)

        try folio.write("Notebooks/a.md", try folio.read("Notebooks/a.md").replacingOccurrences(of: "n * 10", with: "n * 100"))
        let cellEdit = try folio.run(["check", "Notebooks"])
        XCTAssertEqual(cellEdit.status, 1, "the stored output is now stale")
        XCTAssertTrue(cellEdit.stderr.contains("1 notebook: 0 run, 0 cached, 1 failed"), cellEdit.stderr)
        XCTAssertTrue(cellEdit.stdout.contains("+notebook 100"), cellEdit.stdout)
    }

    func testPruneDeletesTheEntriesOfEditedCellsAndKeepsCurrentOnes() throws {
        try folio.write("Notebooks/a.md", notebook(1))
        try folio.write("Notebooks/b.md", notebook(2))
        XCTAssertEqual(try folio.run(["run", "Notebooks"]).status, 0)
        try folio.write("Notebooks/a.md", try folio.read("Notebooks/a.md").replacingOccurrences(of: "n * 10", with: "n * 100"))
        XCTAssertEqual(try folio.run(["run", "Notebooks"]).status, 0)

        let dryRun = try folio.run(["prune", "Notebooks", "--dry-run"])
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.hasPrefix("would delete 1 cache entry ("), dryRun.stdout)
        XCTAssertTrue(dryRun.stdout.hasSuffix("; kept 2\n"), dryRun.stdout)
        let prune = try folio.run(["prune", "Notebooks"])
        XCTAssertTrue(prune.stdout.hasPrefix("deleted 1 cache entry ("), prune.stdout)
        XCTAssertTrue(try folio.run(["prune", "Notebooks"]).stdout.hasPrefix("deleted 0 cache entries"))

        let check = try folio.run(["check", "Notebooks"])
        XCTAssertTrue(check.stderr.contains("2 notebooks: 0 run, 2 cached, 0 failed"), check.stderr)
        // Pruning for one notebook only drops the other's entry.
        XCTAssertTrue(try folio.run(["prune", "Notebooks/a.md"]).stdout.hasPrefix("deleted 1 cache entry"))
    }

    func testPruneWithABrokenNotebookDeletesNothing() throws {
        try folio.write("Notebooks/a.md", notebook(1))
        XCTAssertEqual(try folio.run(["run", "Notebooks"]).status, 0)
        try folio.write("Notebooks/bad.md", "```swift\nprint(1)\n")
        let prune = try folio.run(["prune", "Notebooks"])
        XCTAssertEqual(prune.status, 2)
        XCTAssertTrue(prune.stderr.contains("bad.md:1: error"), prune.stderr)
        XCTAssertTrue(try folio.run(["check", "Notebooks/a.md"]).stderr.contains("0 run, 1 cached"))
    }

    func testRenderAfterRunTakesResultsAndTensorViewsFromTheCache() throws {
        try folio.write("Notebooks/t.md", """
            # Tensor

            ```swift
            show(Tensor([[1, 2], [3, 4]]))
            ```

            """)
        let run = try folio.run(["run", "Notebooks"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let render = try folio.run(["render", "Notebooks", "--out", "site"])
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(render.stderr.contains("1 notebook: 0 run, 1 cached, 0 failed"), render.stderr)
        XCTAssertTrue(try folio.read("site/t.html").contains("<table"), "the cached result keeps the tensor's table")
    }

    func testNoCacheRunsAndWritesNoCache() throws {
        try folio.write("a.md", notebook(1))
        let outcome = try folio.run(["run", "a.md", "--no-cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("1 run, 0 cached"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folio.directory.appendingPathComponent(".folio-cache").path))
    }

    func testCorruptCacheEntryIsReportedAndRewritten() throws {
        try folio.write("a.md", notebook(1))
        XCTAssertEqual(try folio.run(["run", "a.md"]).status, 0)
        let cache = folio.directory.appendingPathComponent(".folio-cache")
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(entries.count, 1)
        let entry = cache.appendingPathComponent(entries[0])
        let bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count - 10).write(to: entry)

        let corrupt = try folio.run(["check", "a.md"])
        XCTAssertEqual(corrupt.status, 0, corrupt.stdout + corrupt.stderr)
        XCTAssertTrue(corrupt.stderr.contains("\(entry.path): warning: ignoring corrupt cache entry"), corrupt.stderr)
        XCTAssertTrue(corrupt.stderr.contains("1 run, 0 cached"), corrupt.stderr)
        let again = try folio.run(["check", "a.md"])
        XCTAssertTrue(again.stderr.contains("0 run, 1 cached"), again.stderr)
        XCTAssertFalse(again.stderr.contains("corrupt"), again.stderr)
    }

    func testTwoParallelRunsOnOverlappingNotebooksCorruptNeitherFilesNorCache() throws {
        for number in 1...6 { try folio.write("Notebooks/n\(number).md", notebook(number)) }
        let first = try start(["run", "--jobs", "2"] + (1...4).map { "Notebooks/n\($0).md" }, name: "first")
        let second = try start(["run", "--jobs", "2"] + (3...6).map { "Notebooks/n\($0).md" }, name: "second")
        for (process, log) in [first, second] {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
        for number in 1...6 {
            XCTAssertEqual(try folio.read("Notebooks/n\(number).md"), expected(number), "n\(number).md")
        }
        let check = try folio.run(["check", "Notebooks", "--jobs", "2"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stderr.contains("6 notebooks: 0 run, 6 cached, 0 failed"), check.stderr)
        XCTAssertFalse(check.stderr.contains("corrupt"), check.stderr)
    }

    func testParallelCheckReportsExactlyWhatASerialCheckDoes() throws {
        for number in 1...4 {
            // Every notebook's stored output is stale, so each prints a diff.
            try folio.write("Notebooks/n\(number).md", notebook(number) + "\n```output\nstale \(number)\n```\n")
        }
        let serial = try folio.run(["check", "Notebooks", "--jobs", "1", "--no-cache"])
        let parallel = try folio.run(["check", "Notebooks", "--jobs", "3", "--no-cache"])
        XCTAssertEqual(serial.status, 1)
        XCTAssertEqual(parallel.status, 1)
        XCTAssertEqual(parallel.stdout, serial.stdout)
        XCTAssertEqual(serial.stdout.components(separatedBy: "error: output is stale").count - 1, 4, serial.stdout)
    }

    func testShardsTogetherCheckEveryNotebookExactlyOnce() throws {
        for number in 1...5 { try folio.write("Notebooks/n\(number).md", expected(number)) }
        var checked: [String] = []
        for shard in ["1/2", "2/2"] {
            let outcome = try folio.run(["check", "Notebooks", "--shard", shard, "--no-cache"])
            XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
            checked += outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("[") }
                .compactMap { $0.split(separator: " ").dropFirst(2).first.map(String.init) }
        }
        XCTAssertEqual(checked.sorted(), (1...5).map { "Notebooks/n\($0).md" })
        let bad = try folio.run(["check", "Notebooks", "--shard", "3/2"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("invalid shard '3/2'"), bad.stderr)
    }

    func testNewLessonRunsCleanlyAndRefusesToOverwrite() throws {
        let created = try folio.run(["new", "first-steps", "--author", "Ada"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(created.stdout, "Notebooks/first-steps.md\n")
        let run = try folio.run(["run", "Notebooks/first-steps.md"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try folio.read("Notebooks/first-steps.md").contains("```output\n(2, 3)\n```"))
        XCTAssertTrue(try folio.read("Notebooks/first-steps.md").hasPrefix("---\ntitle: First Steps\n"))

        let again = try folio.run(["new", "first-steps"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testCleanRemovesOutputBlocksAndNothingElse() throws {
        try folio.write("a.md", expected(1))
        try folio.write("b.md", notebook(2))
        let outcome = try folio.run(["clean", "a.md", "b.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "cleaned a.md\n")
        XCTAssertEqual(try folio.read("a.md"), notebook(1))
        XCTAssertEqual(try folio.read("b.md"), notebook(2))
    }

    func testExportWritesAnIpynbBesideTheNotebook() throws {
        try folio.write("a.md", expected(1))
        let outcome = try folio.run(["export", "--to", "ipynb", "a.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folio.directory.appendingPathComponent("a.ipynb")))
        let notebook = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(notebook["nbformat"] as? Int, 4)
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code"])
        let output = try XCTUnwrap((cells[1]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(output["text"] as? [String], ["notebook 10\n"])

        let unknown = try folio.run(["export", "--to", "pdf", "a.md"])
        XCTAssertEqual(unknown.status, 2)
    }
}
