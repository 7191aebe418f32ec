import ArgumentParser
import Folio
import Foundation

/// `folio run`: executes notebooks and writes each cell's output into the file under it.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write their outputs into the files.",
        discussion: "Exits with 1 when a cell fails (the outputs of the cells before it are still written), 2 on bad input.")

    @OptionGroup var execution: ExecutionOptions

    func run() async throws {
        let documents = try execution.documents()
        let executor = try execution.executor()
        var failed = false
        for document in documents {
            Console.note("Running \(document.path)")
            let started = ContinuousClock.now
            let results: [CellResult]
            do {
                results = try await executor.run(document)
                let ran = results.filter { $0.status != .notRun }.count
                Console.note("\(document.path): \(ran) of \(results.count) cells run in \(Console.seconds(since: started))")
            } catch {
                Console.note(String(describing: error))
                failed = true
                continue
            }
            for case .failed(let message) in results.map(\.status) {
                Console.note(message)
                failed = true
            }
            let outputs = Dictionary(uniqueKeysWithValues: zip(document.cells, results).compactMap { cell, result in
                result.status == .notRun ? nil : (cell.index, result.text)
            })
            let bytes = document.splicing(outputs)
            if bytes != document.bytes {
                do {
                    try AtomicFile.write(bytes, to: document.path)
                } catch {
                    Console.note("\(document.path): error: could not write the outputs: \(error)")
                    failed = true
                }
            }
        }
        if failed { throw ExitCode.stale }
    }
}
