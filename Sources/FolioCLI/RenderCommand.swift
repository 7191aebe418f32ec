import ArgumentParser
import Folio
import Foundation

/// `folio render`: a static HTML site of notebooks, one page each plus an index.
struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render notebooks to a static HTML site.",
        discussion: """
            Each notebook becomes NAME.html beside an index.html listing them newest first. The site \
            is built beside DIR and swapped in only when complete: when a cell fails (exit 1) or the \
            input is bad (exit 2), the previous site is left as it was.
            """)

    @OptionGroup var execution: ExecutionOptions

    @Option(name: .long, help: ArgumentHelp("The site's folder.", valueName: "DIR"))
    var out: String = "site"

    @Flag(name: .long, help: "Render the outputs stored in the files instead of running the notebooks.")
    var noExec = false

    @Flag(name: .long, help: "Drop the raw HTML that notebooks contain.")
    var safe = false

    @Option(name: .long, help: ArgumentHelp(
        "A folder whose page.mustache, index.mustache or style.css replace the default theme's.", valueName: "DIR"))
    var template: String?

    @Option(name: .long, help: "The site's title, shown on the index and every page.")
    var title: String = "Notebooks"

    func run() async throws {
        let documents = try execution.documents()
        var notebooks: [(document: Document, results: [CellResult?])] = []
        if noExec {
            notebooks = documents.map { ($0, $0.storedResults) }
        } else {
            let executor = try execution.executor()
            var failed = false
            for document in documents {
                Console.note("Running \(document.path)")
                do {
                    let results = try await executor.run(document)
                    for case .failed(let message) in results.map(\.status) {
                        Console.note(message)
                        failed = true
                    }
                    notebooks.append((document, results))
                } catch {
                    Console.note(String(describing: error))
                    failed = true
                }
            }
            if failed { throw ExitCode.stale }
        }
        do {
            try write(notebooks)
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
        Console.note("Rendered \(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s") to \(out)/index.html")
    }

    /// Writes the site of `notebooks` with this command's theme and options.
    func write(_ notebooks: [(document: Document, results: [CellResult?])]) throws(DocumentError) {
        let site = Site(outputDirectory: out, theme: try Theme(overrides: template),
                        renderer: HTMLRenderer(allowsRawHTML: !safe), title: title)
        try site.write(notebooks)
    }
}
