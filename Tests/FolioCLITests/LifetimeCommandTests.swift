import Foundation
import XCTest

/// Nothing folio starts outlives it: Ctrl-C, SIGTERM or SIGKILL of `folio` ends the notebook
/// program (which would otherwise spin at 100 % CPU) and removes the scratch folders.
final class LifetimeCommandTests: FolioProcessTestCase {
    private let spinning = """
        ```swift
        var counter = 0
        while true { counter &+= 1 }
        ```

        """

    /// Starts `folio arguments` on the spinning notebook and waits for its program to run.
    private func startSpinning(_ arguments: [String]) throws -> RunningFolio {
        try folio.write("spin.md", spinning)
        let running = try folio.start(arguments + ["--no-cache", "spin.md"])
        RunningFolio.wait(for: "the notebook program to start") { !running.programs.isEmpty }
        XCTAssertFalse(running.scratchFolders.isEmpty, "a scratch folder while the program runs")
        return running
    }

    func testSIGKILLOfFolioKillsTheNotebookProgramAndTheNextFolioRemovesTheScratchFolder() throws {
        for sandbox in [[], ["--no-sandbox"]] {
            let running = try startSpinning(["run"] + sandbox)
            let programs = running.programs
            kill(running.pid, SIGKILL)
            running.process.waitUntilExit()
            RunningFolio.wait(10, for: "the program to die with folio \(sandbox)") {
                programs.allSatisfy { kill($0, 0) != 0 || (try? String(contentsOfFile: "/proc/\($0)/stat", encoding: .utf8))?.contains(") Z ") == true }
            }
            XCTAssertTrue(running.programs.isEmpty, "orphaned notebook program \(sandbox)")
            XCTAssertFalse(running.scratchFolders.isEmpty, "SIGKILL runs no cleanup; the next folio sweeps")
            _ = try folio.run(["clean", "spin.md"])
            XCTAssertEqual(running.scratchFolders, [], "the next folio removes a killed folio's scratch folder")
        }
    }

    func testSIGINTAndSIGTERMEndTheProgramAndRemoveTheScratchFolderInRunCheckAndRender() throws {
        for (command, signal) in [("run", SIGINT), ("check", SIGTERM), ("render", SIGINT), ("run", SIGHUP)] {
            let running = try startSpinning([command])
            kill(running.pid, signal)
            running.process.waitUntilExit()
            XCTAssertEqual(running.process.terminationStatus, 128 + signal, "\(command): exit status after signal \(signal)")
            XCTAssertTrue(running.programs.isEmpty, "\(command): program left running after signal \(signal)")
            XCTAssertEqual(running.scratchFolders, [], "\(command): scratch folder left after signal \(signal)")
        }
    }

    func testPreviewRemovesItsTemporarySiteOnSIGTERM() throws {
        try folio.write("Notebooks/a.md", "```swift\nprint(1)\n```\n")
        let running = try folio.start(["preview", "Notebooks", "--port", "0"])
        RunningFolio.wait(for: "the preview server") { running.read(running.stdout).contains("Serving") }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("folio-preview-\(running.pid)").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: site + "/index.html"), running.read(running.stderr))
        kill(running.pid, SIGTERM)
        running.process.waitUntilExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: site), "preview's temporary site is left behind")
    }

    func testTheTemporarySiteOfAKilledPreviewIsRemovedByTheNextFolio() throws {
        try folio.write("Notebooks/a.md", "```swift\nprint(1)\n```\n")
        let running = try folio.start(["preview", "Notebooks", "--port", "0"])
        RunningFolio.wait(for: "the preview server") { running.read(running.stdout).contains("Serving") }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("folio-preview-\(running.pid)").path
        kill(running.pid, SIGKILL)
        running.process.waitUntilExit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: site), "SIGKILL runs no cleanup")
        _ = try folio.run(["clean", "Notebooks"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site), "the next folio removes a killed preview's site")
    }
}
