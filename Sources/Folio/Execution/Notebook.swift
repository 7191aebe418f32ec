import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A document being executed: where its program runs and how the program's traces map back to cells.
struct Notebook: Sendable {
    var document: Document
    /// The document's file name, the file the program's `#sourceLocation`s name.
    var fileName: String
    /// The document's directory: the program's working directory, like a Jupyter kernel's.
    var directory: String
    var seed: UInt64
    /// The limits the program runs under, which messages name.
    var limits = ResourceLimits()
    /// The sandbox's policy for this notebook; nil when it runs unsandboxed.
    var policy: SandboxPolicy?

    init(document: Document) {
        self.document = document
        let url = URL(fileURLWithPath: document.path)
        fileName = url.lastPathComponent
        directory = url.deletingLastPathComponent().path
        seed = document.seed
    }

    /// The first cell with a compile error in a program that did not compile, failed with its
    /// diagnostics; throws when no error points into a cell (a linker or compiler failure).
    func firstFailingCell(of outcome: Compiler.Outcome, in program: Program) throws(ExecutorError) -> (cell: Cell, result: CellResult) {
        let errors = outcome.errors
        let located = errors.compactMap { error in program.cell(atLine: error.line).map { (error, $0) } }
            .filter { $0.0.file == fileName }
        guard let cell = located.map(\.1).min(by: { $0.index < $1.index }) else {
            let details = (outcome.unlocated + errors.map { $0.located(in: $0.file) })
                .joined(separator: "\n")
            throw ExecutorError(path: document.path, message: "the notebook program did not compile:\n\(details)")
        }
        let own = located.filter { $0.1.index == cell.index }.map { program.authored($0.0) }
        return (cell, failure(of: cell, errors: own))
    }

    /// The result of `cell` failed with `errors`: located in the .md for the message, in the cell for its output.
    func failure(of cell: Cell, errors: [Diagnostic]) -> CellResult {
        let message = errors.map { $0.located(in: document.path) }.joined(separator: "\n")
        let text = errors.map { $0.located(in: cell) + "\n" }.joined()
        return CellResult(status: .failed(message: message), text: text)
    }

    /// One result per cell that started, cut from the program's output by the control records.
    /// `crashLines` are the .md lines traps in library calls came from, by cell index, where known.
    func results(of run: ProgramRun, program: Program, crashLines: [Int: Int]) -> [(Int, CellResult)] {
        let byIndex = Dictionary(uniqueKeysWithValues: program.cells.map { ($0.index, $0) })
        var starts: [(index: Int, offset: Int)] = []
        var finalOffset: Int?
        var displays: [CellResult.Display] = []
        var expectedFailures: [Int: Bool] = [:]
        var lastThrowingStatement: Int?
        var figures: [Int: [CellResult.Figure]] = [:]
        for record in run.records {
            switch record {
            case .cell(let index, let offset): starts.append((index, offset))
            case .figure(let svg, let description):
                // Records come in the order they were made: a figure belongs to the cell last started.
                if let cell = starts.last?.index { figures[cell, default: []].append(CellResult.Figure(svg: svg, description: description)) }
            case .end(let offset): finalOffset = offset
            case .display(let range, let html): displays.append(CellResult.Display(range: range, html: html))
            case .expectedFailure(let index, let failed): expectedFailures[index] = failed
            case .statement(let line): lastThrowingStatement = line
            case .crashFrames: continue
            }
        }
        let completed = finalOffset != nil && run.ending == .exited(0)
        var results: [(Int, CellResult)] = []
        for (position, start) in starts.enumerated() {
            guard let cell = byIndex[start.index] else { continue }
            let isLast = position == starts.count - 1
            let end = isLast ? (completed ? finalOffset! : run.output.count) : starts[position + 1].offset
            let outputLimit = cell.options.outputLimit.map { OutputLimit(lines: $0) } ?? limits.output
            let (bytes, headEnd) = outputLimit.truncating(run.output[min(start.offset, end)..<end])
            var text = Self.terminated(Self.withoutStackTrace(String(decoding: bytes, as: UTF8.self)))
            // A truncated output keeps the displays of its head only.
            let shownEnd = headEnd.map { start.offset + $0 } ?? end
            let ownDisplays = displays.filter { start.offset <= $0.range.lowerBound && $0.range.upperBound <= shownEnd }
                .map { CellResult.Display(range: ($0.range.lowerBound - start.offset)..<($0.range.upperBound - start.offset), html: $0.html) }
            var status = CellResult.Status.ok
            let thrownLine = isLast ? lastThrowingStatement.flatMap { program.cell(atLine: $0)?.index == cell.index ? $0 : nil } : nil
            let endedBySignal = if case .signalled = run.ending { isLast } else { false }
            let origin = TrapMessage.Origin(fileName: fileName, crashLine: crashLines[cell.index], thrownLine: thrownLine,
                                            trapped: endedBySignal || crashLines[cell.index] != nil)
            if isLast && !completed {
                let failure = describe(run.ending, output: text, cell: cell, origin: origin)
                status = .failed(message: failure.message)
                text += failure.appendix
            } else if cell.options.shouldFail && expectedFailures[cell.index] != true {
                status = .failed(message: "\(document.path):\(cell.fenceLine): error: "
                    + "expected this `should-fail` cell to trap or throw, but it completed")
            }
            text = TrapMessage.relocating(text, in: cell, of: program, origin: origin)
            results.append((cell.index, CellResult(status: status, text: text, displays: ownDisplays,
                                                   figures: figures[cell.index] ?? [])))
        }
        return results
    }

    /// The message for a program that stopped in `cell`, and what to add to the cell's output
    /// (a trap's message is already there; a timeout or an exit is not).
    private func describe(_ ending: ProgramRun.Ending, output: String, cell: Cell,
                          origin: TrapMessage.Origin) -> (message: String, appendix: String) {
        let place = "\(document.path):\(cell.fenceLine)"
        switch ending {
        case .timedOut(let seconds, let ofCell):
            let what = "\(ofCell ? "cell" : "notebook") timed out after \(Self.seconds(seconds))"
            let raise = ofCell ? "raise it with timeout=SECONDS on the cell" : "raise it with --timeout SECONDS"
            return ("\(place): error: \(what) (\(raise))", "Error: \(what)\n")
        case .tooManyProcesses(let limit):
            let what = "the cell reached the sandbox's limit of \(limit) processes and threads and was stopped"
                + " (raise it with --process-limit N)"
            return ("\(place): error: \(what)", "Error: \(what)\n")
        case .exited(let code):
            let what = "the program exited with status \(code) during this cell"
            return ("\(place): error: \(what)\(sandboxHint(output))", "Error: \(what)\n")
        case .signalled(SIGXFSZ):
            let what = "the program wrote more than the \(ResourceLimits.describe(bytes: limits.fileSize)) a file or the"
                + " output may hold and was stopped (the limit grows with --output-limit)"
            return ("\(place): error: \(what)", "Error: \(what)\n")
        case .signalled where output.contains(Self.allocationFailure):
            let what = "the program reached the memory limit of \(ResourceLimits.describe(bytes: limits.memory))"
                + " (raise it with --memory-limit SIZE, e.g. --memory-limit 8G)"
            return ("\(place): error: \(what)", "Error: \(what)\n")
        case .signalled(let signal):
            guard let trap = TrapMessage.last(in: output) else {
                let what = "the program was killed by signal \(signal) during this cell"
                let crashPlace = origin.crashLine.map { "\(document.path):\($0)" } ?? place
                return ("\(crashPlace): error: \(what)", "Error: \(what)\n")
            }
            return ("\(origin.line(of: trap).map { "\(document.path):\($0)" } ?? place): error: \(trap.message)\(sandboxHint(output))", "")
        }
    }

    /// What the Swift runtime prints when an allocation fails (under the memory limit, the usual way).
    static let allocationFailure = "Fatal error: failed to allocate "

    /// A note for a failure whose output shows the sandbox's refusals; empty otherwise.
    private func sandboxHint(_ output: String) -> String {
        guard let policy, let refusal = SandboxRefusal(in: output, policy: policy) else { return "" }
        return "\n\(document.path): note: \(refusal.explanation)"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// `text` without the "Current stack trace:" a trap prints in a debug build: its addresses
    /// change from run to run, and the trap's message already says what happened.
    static func withoutStackTrace(_ text: String) -> String {
        guard text.contains("Current stack trace:\n") else { return text }
        var kept: [Substring] = []
        var inTrace = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Current stack trace:" {
                inTrace = true
            } else if inTrace && line.first?.isNumber == true && line.contains(" 0x") {
                continue
            } else {
                inTrace = false
                kept.append(line)
            }
        }
        return kept.joined(separator: "\n")
    }

    /// Output text ends with a newline, as an output block's content does.
    private static func terminated(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
