import XCTest

/// A trap inside the engine or the standard library names the notebook line that made the call, on the
/// terminal and in the stored output, whether the runtime was built for debugging or for release: the
/// runtime's crash handler reports the frames itself instead of relying on a debug stack trace.
final class RunTrapLocationTests: FolioProcessTestCase {
    func testATrapInsideTheEngineNamesTheCallingLine() throws {
        try folio.write("nb.md", """
            ```swift
            let x = Tensor([[1.0, 2.0], [3.0, 4.0]])
            print("before")
            let lstm = LSTM(units: 3)
            let y = lstm(x)
            print(y)
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md:5: error: Fatal error: LSTM(units: 3) expects input of shape"), outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("```output\nbefore\ncell:4: Fatal error: LSTM(units: 3) expects input of shape"), written)
        XCTAssertFalse(written.contains("Tensors/"), written)
    }

    func testAnArgumentCheckKeepsItsMessageInTheOptimizedEngine() throws {
        // The engine `make` builds for notebooks, where a failed `precondition` would say nothing.
        let release = FolioProcess.executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("release")
        guard FileManager.default.fileExists(atPath: release.appendingPathComponent("libFolioRuntime.so").path) else {
            throw XCTSkip("no release build of FolioRuntime next to the debug one (`make` builds it)")
        }
        try folio.write("nb.md", """
            ```swift
            let dense = Dense(units: 0)
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"], environment: ["FOLIO_RUNTIME_DIR": release.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md:2: error: Fatal error: Dense: units must be positive, got 0"), outcome.stderr)
    }

    func testADenseLayerGivenTheWrongWidthInAFunctionNamesTheLineInTheFunction() throws {
        try folio.write("nb.md", """
            ```swift
            let dense = Dense(units: 2)
            _ = dense(Tensor([[1.0, 2.0, 3.0]]))
            func apply(_ input: Tensor) -> Tensor {
                dense(input)
            }
            ```

            ```swift
            print("calling")
            print(apply(Tensor([[1.0, 2.0]])))
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md:5: error: "), outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("```output\ncalling\ncell 1:4: "), written)
    }

    func testAStandardLibraryTrapInAShouldFailCellIsStoredAtItsCellLine() throws {
        try folio.write("nb.md", """
            ```swift should-fail
            let empty: [Int] = []
            print(empty[1])
            ```

            """)
        let outcome = try folio.run(["run", "--no-cache", "nb.md"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let written = try folio.read("nb.md")
        XCTAssertTrue(written.contains("```output\ncell:2: Fatal error: Index out of range\n```"), written)
        XCTAssertFalse(written.contains("Swift/"), written)
    }
}
