import ArgumentParser
import Folio
import Foundation

/// `folio render`: a static HTML site of notebooks, one page each plus an index.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render notebooks to a static HTML site.",
        discussion: """
            Each notebook becomes NAME.html beside an index.html listing them newest first. \
            The site is built beside DIR and swapped in only when complete, so a failed render \
            leaves the previous site as it was.
            """)

    @Argument(help: "Notebooks or folders of notebooks (*.md).")
    var paths: [String] = ["Notebooks"]

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

    func run() throws {
        do {
            let count = try renderSite()
            FileHandle.standardError.write(Data("Rendered \(count) notebook(s) to \(out)/index.html\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Renders the notebooks into `out` and returns how many there were.
    func renderSite() throws(DocumentError) -> Int {
        let documents = try notebookFiles().map { path throws(DocumentError) in try Document(contentsOf: path) }
        let notebooks = try documents.map { document throws(DocumentError) in
            (document: document, results: try results(for: document))
        }
        let site = Site(outputDirectory: out, theme: try Theme(overrides: template),
                        renderer: HTMLRenderer(allowsRawHTML: !safe), title: title)
        try site.write(notebooks)
        return notebooks.count
    }

    private func results(for document: Document) throws(DocumentError) -> [CellResult?] {
        if noExec { return document.storedResults }
        // TODO(merge exec): run the notebook through the executor here.
        throw DocumentError(path: document.path, line: nil, message: "running notebooks is not available in this build; use --no-exec")
    }

    /// The given files, and the `.md` files directly inside given folders, in name order.
    private func notebookFiles() throws(DocumentError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DocumentError(path: path, line: nil, message: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { $0.hasSuffix(".md") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
