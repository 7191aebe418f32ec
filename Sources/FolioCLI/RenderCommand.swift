import ArgumentParser
import Folio
import FolioSite
import Foundation

/// `folio render`: a static HTML site of notebooks, one page each plus an index.
struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render notebooks to a static HTML site.",
        discussion: """
            Each notebook becomes NAME.html (with NAME.md and NAME.ipynb to download) beside an \
            index.html listing them in course order (front matter `order`, else file name). A formula \
            KaTeX cannot typeset shows its source on the page and makes the render exit 1. The site \
            is built beside DIR and swapped in only when complete: when a cell fails (exit 1) or the \
            input is bad (exit 2), the previous site is left as it was.
            """)

    @OptionGroup var execution: ExecutionOptions
    @OptionGroup var batch: BatchOptions

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
            let cached = batch.execution(with: try execution.executor())
            let batchResult = await batch.run(documents) { document in
                await Self.execute(document, with: cached)
            }
            for rendered in batchResult.outcomes {
                rendered.messages.forEach(Console.note)
                if let results = rendered.results { notebooks.append((rendered.document, results)) }
            }
            // A failing cell leaves the previous site in place, as bad input does.
            if batchResult.summary.failed > 0 { throw ExitCode.stale }
        }
        let report: Site.Report
        do {
            report = try write(notebooks)
        } catch {
            Console.note(error.description)
            throw ExitCode.badInput
        }
        report.notes.forEach(Console.note)
        Console.note("Rendered \(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s") to \(out)/index.html")
        // The site is written, with each problem shown where it is, and the render fails.
        report.problems.forEach { Console.note($0.description) }
        if !report.problems.isEmpty { throw ExitCode.stale }
    }

    /// Runs one notebook through the cache; `results` is nil when it could not run at all.
    private static func execute(_ document: Document, with execution: CachedExecution) async
        -> ((document: Document, results: [CellResult]?, messages: [String]), NotebookDisposition)
    {
        do {
            let outcome = try await execution.results(for: document)
            return ((document, outcome.results, outcome.warnings + outcome.failures), outcome.disposition)
        } catch {
            return ((document, nil, [String(describing: error)]), .failed)
        }
    }

    /// Writes the site of `notebooks` with this command's theme and options.
    func write(_ notebooks: [(document: Document, results: [CellResult?])]) throws(DocumentError) -> Site.Report {
        let site = Site(outputDirectory: out, theme: try Theme(overrides: template),
                        renderer: HTMLRenderer(allowsRawHTML: !safe), title: title)
        return try site.write(notebooks)
    }
}
