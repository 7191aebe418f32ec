import ArgumentParser
import Folio
import Foundation

/// `folio check`: executes notebooks and compares the outputs with those stored in the files.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the outputs stored in notebooks are what their code prints.",
        discussion: "Prints a unified diff per stale cell. Exits with 0 when all match, 1 when an output is stale or missing or a cell fails, 2 on bad input.")

    @OptionGroup var execution: ExecutionOptions

    @Option(help: "Relative tolerance for numbers in outputs.")
    var tolerance: Double = OutputComparison.defaultTolerance

    func validate() throws {
        guard tolerance >= 0, tolerance.isFinite else {
            throw ValidationError("--tolerance must be a non-negative number, got \(tolerance)")
        }
    }

    func run() async throws {
        let documents = try execution.documents()
        let executor = try execution.executor()
        let check = OutputCheck(comparison: OutputComparison(tolerance: tolerance))
        var problems = 0
        for document in documents {
            Console.note("Checking \(document.path)")
            do {
                let results = try await executor.run(document)
                for problem in check.problems(in: document, results: results) {
                    Console.output(problem.description)
                    problems += 1
                }
            } catch {
                Console.output(String(describing: error))
                problems += 1
            }
        }
        Console.note(problems == 0 ? "All outputs match." : "\(problems) cell\(problems == 1 ? "" : "s") stale or failing.")
        if problems > 0 { throw ExitCode.stale }
    }
}
