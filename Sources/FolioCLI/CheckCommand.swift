import ArgumentParser
import Folio
import Foundation

/// `folio check`: executes notebooks and compares the outputs with those stored in the files.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the outputs stored in notebooks are what their code prints.",
        discussion: "Prints a unified diff per stale cell. Exits with 0 when all match, 1 when an output is stale or missing or a cell fails, 2 on bad input.")

    @OptionGroup var execution: ExecutionOptions
    @OptionGroup var batch: BatchOptions

    // Unconditional, so `--tolerance -1` reaches `validate` instead of reading as a flag.
    @Option(parsing: .unconditional, help: "Relative tolerance for numbers in outputs.")
    var tolerance: Double = OutputComparison.defaultTolerance

    func validate() throws {
        guard tolerance >= 0, tolerance.isFinite else {
            throw ValidationError("--tolerance must be a non-negative number, got \(tolerance)")
        }
    }

    func run() async throws {
        let documents = try execution.documentsToRun()
        let results = batch.execution(with: try execution.executor())
        let check = OutputCheck(comparison: OutputComparison(tolerance: tolerance))
        // Reports are printed after the batch, in notebook order, so --jobs never reorders them.
        let outcome = await batch.run(documents) { document in
            await Self.check(document, with: results, check)
        }
        for report in outcome.outcomes {
            report.warnings.forEach(Console.note)
            report.problems.forEach(Console.output)
        }
        let problems = outcome.outcomes.map(\.problems.count).reduce(0, +)
        Console.note(problems == 0 ? "All outputs match." : "\(problems) cell\(problems == 1 ? "" : "s") stale or failing.")
        if problems > 0 { throw ExitCode.stale }
    }

    /// What checking one notebook found.
    private struct Report: Sendable {
        var warnings: [String] = []
        var problems: [String] = []
    }

    private static func check(_ document: Document, with execution: CachedExecution, _ check: OutputCheck) async
        -> (Report, NotebookDisposition) {
        do {
            let outcome = try await execution.results(for: document)
            let report = Report(warnings: outcome.warnings,
                                problems: check.problems(in: document, results: outcome.results).map(\.description))
            return (report, !report.problems.isEmpty ? .failed : outcome.fromCache ? .cached : .ran)
        } catch {
            return (Report(problems: [String(describing: error)]), .failed)
        }
    }
}
