import ArgumentParser
import Folio
import Foundation

/// `folio run`: executes notebooks and writes each cell's output into the file under it.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write their outputs into the files.",
        discussion: "Exits with 1 when a cell fails (the outputs of the cells before it are still written), 2 on bad input.")

    @OptionGroup var execution: ExecutionOptions
    @OptionGroup var batch: BatchOptions

    func run() async throws {
        let documents = try execution.documentsToRun()
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
        let outputs = Dictionary(uniqueKeysWithValues: zip(document.cells, outcome.results).compactMap { cell, result in
            result.status == .notRun ? nil : (cell.index, result.text)
        })
        let bytes = document.splicing(outputs)
        if bytes != document.bytes {
            do {
                try AtomicFile.write(bytes, to: document.path)
            } catch {
                messages.append("\(document.path): error: could not write the outputs: \(error)")
                disposition = .failed
            }
        }
        return (messages, disposition)
    }
}
