import ArgumentParser
import Folio
import Foundation

/// `folio run`: executes notebooks and writes each cell's output into the file under it.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write their outputs into the files.",
        discussion: """
            Exits with 1 when a cell fails (the outputs of the cells before it are still written) or a notebook's \
            cells changed while it ran (its outputs are not written), 2 on bad input or a read-only notebook.
            """)

    @OptionGroup var execution: ExecutionOptions
    @OptionGroup var batch: BatchOptions

    func run() async throws {
        let documents = try execution.documentsToRun()
        try Self.refuseReadOnly(documents)
        let results = batch.execution(with: try execution.executor())
        // Messages are printed after the batch, in notebook order, so --jobs never reorders them.
        let outcome = await batch.run(documents) { document in
            await Self.run(document, with: results)
        }
        outcome.outcomes.joined().forEach(Console.note)
        if outcome.summary.failed > 0 { throw ExitCode.stale }
    }

    /// Runs one notebook and writes its outputs; returns the warnings and errors to print.
    private static func run(_ document: Document, with execution: CachedExecution) async -> ([String], NotebookDisposition) {
        let outcome: CachedExecution.Outcome
        do {
            outcome = try await execution.results(for: document)
        } catch {
            return ([String(describing: error)], .failed)
        }
        var messages = outcome.warnings + outcome.failures
        var disposition = outcome.disposition
        do {
            try write(outcome.results, into: document)
        } catch {
            messages.append("\(error)")
            disposition = .failed
        }
        return (messages, disposition)
    }

    /// Writes the results' new figure files, then the notebook with their outputs and figure lines
    /// (never over an edit made during the run), then removes the figure files it no longer names.
    private static func write(_ results: [CellResult], into document: Document) throws {
        let figures = FigureFolder(forNotebook: document.path)
        try figures.write(results.flatMap(\.figures))
        do {
            try document.writeResults(results)
        } catch {
            // The notebook was left as it is: the files just written are orphans unless it names them.
            _ = try? figures.removeUnreferenced(by: try Document(contentsOf: document.path))
            throw error
        }
        try figures.removeUnreferenced(by: try Document(contentsOf: document.path))
    }

    /// Exits with 2, having run nothing, when a notebook cannot take its outputs: a read-only file is
    /// its owner's way of saying it must not change.
    private static func refuseReadOnly(_ documents: [Document]) throws {
        var refused = false
        for document in documents {
            do {
                try AtomicFile.checkWritable(document.path)
            } catch {
                Console.note("\(error.path): error: cannot write the outputs: \(error.reason)")
                refused = true
            }
        }
        if refused { throw ExitCode.badInput }
    }
}
