import Foundation

/// Runs notebooks: generates the program, compiles it against the runtime, runs it in the sandbox
/// with time, memory, process and output limits and cuts its output into one `CellResult` per cell.
///
/// A cell that does not parse on its own or uses a name before it is declared (see `CellChecks`), or
/// a compile error in a cell, fails that cell (its diagnostics, located in the .md, are the message)
/// and the cells before it are run so they keep their outputs. A trap, a thrown error, an exit or
/// a timeout fails the running cell; the cells before it keep their outputs; later cells are `notRun`.
public struct Executor: Sendable {
    /// Seconds a notebook may run when no other limit is given.
    public static let defaultNotebookTimeout: Double = 600

    public var toolchain: Toolchain
    /// Seconds the whole program may run (compiling excluded).
    public var notebookTimeout: Double
    /// Where programs run and under which limits.
    public var sandbox: Sandbox
    /// Hears progress lines, e.g. that a cell is still running after 30 s.
    public var progress: @Sendable (String) -> Void
    /// A cell running this long is reported to `progress`, and again every as long.
    public var progressInterval: Duration = .seconds(30)

    public init(toolchain: Toolchain, notebookTimeout: Double = Executor.defaultNotebookTimeout, sandbox: Sandbox = .standard,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.toolchain = toolchain
        self.notebookTimeout = notebookTimeout
        self.sandbox = sandbox
        self.progress = progress
    }

    /// Runs `document` and returns one result per cell, in the order of `document.cells`.
    public func run(_ document: Document) async throws -> [CellResult] {
        var notebook = Notebook(document: document)
        notebook.limits = sandbox.limits
        let policy = try sandbox.policy(of: document)
        notebook.policy = sandbox.bubblewrap == nil ? nil : policy
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var results = document.cells.map { _ in CellResult(status: .notRun, text: "") }
        var cells = document.cells
        if let failure = CellChecks.firstFailure(in: cells, fileName: notebook.fileName) {
            results[failure.cell.index] = notebook.failure(of: failure.cell, errors: failure.errors)
            cells = cells.filter { $0.index < failure.cell.index }
        }
        for cell in cells where cell.options.compileFail {
            results[cell.index] = try await expectCompileFailure(cell, in: notebook, scratch: scratch)
        }
        cells = cells.filter(\.isCompiled)
        while !cells.isEmpty {
            let program = Program(fileName: notebook.fileName, seed: notebook.seed, cells: cells)
            let outcome = try await Compiler(toolchain: toolchain, sandbox: sandbox).build(program, in: scratch.path)
            if outcome.succeeded {
                let control = scratch.path + "/control"
                guard FileManager.default.createFile(atPath: control, contents: nil) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: control])
                }
                let command = sandbox.programCommand(executable: scratch.path + "/notebook", directory: notebook.directory,
                                                     control: control, toolchain: toolchain, policy: policy)
                let run = try await ProgramRun.execute(
                    command, controlPath: control, outputPath: scratch.path + "/output",
                    cellTimeouts: cells.reduce(into: [:]) { $0[$1.index] = $1.options.timeout },
                    notebookTimeout: notebookTimeout, processLimit: sandbox.bubblewrap == nil ? nil : sandbox.limits.processes,
                    progressInterval: progressInterval, progress: { [progress, document, notebookTimeout] index, seconds in
                        let cell = document.cells[index]
                        let limit = cell.options.timeout ?? notebookTimeout
                        progress("\(document.path): cell \(index + 1) (line \(cell.fenceLine)) still running, \(seconds) s"
                            + " (time limit \(Int(limit)) s)")
                    })
                var crashLines: [Int: Int] = [:]
                if let symbolizer = toolchain.symbolizer {
                    crashLines = await CrashSite.lines(in: run.records, executable: scratch.path + "/notebook",
                                                       fileName: notebook.fileName, symbolizer: symbolizer)
                }
                for (index, result) in notebook.results(of: run, program: program, crashLines: crashLines) {
                    results[index] = result
                }
                break
            }
            let failing = try notebook.firstFailingCell(of: outcome, in: program)
            results[failing.cell.index] = failing.result
            cells = cells.filter { $0.index < failing.cell.index }
        }
        return results
    }

    /// Type-checks the cells before `cell` plus `cell`, which must fail in its own lines.
    private func expectCompileFailure(_ cell: Cell, in notebook: Notebook, scratch: ScratchDirectory) async throws -> CellResult {
        let before = notebook.document.cells.filter { $0.index < cell.index && $0.isCompiled }
        let program = Program(fileName: notebook.fileName, seed: notebook.seed, cells: before + [cell])
        let outcome = try await Compiler(toolchain: toolchain, sandbox: sandbox).typecheck(program, in: scratch.path)
        let own = outcome.errors.filter { $0.file == notebook.fileName && program.cell(atLine: $0.line)?.index == cell.index }
            .map(program.authored)
        guard !own.isEmpty else {
            return CellResult(status: .failed(message: "\(notebook.document.path):\(cell.fenceLine): error: "
                + "expected a compile error in this `compile-fail` cell, but it compiled"), text: "")
        }
        return CellResult(status: .ok, text: own.map { $0.located(in: cell) + "\n" }.joined())
    }
}
