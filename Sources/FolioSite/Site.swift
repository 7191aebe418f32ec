import Folio
import Foundation

/// A static HTML site of a course of notebooks: one page per notebook in course order, with a
/// sidebar of every lesson, previous/next links, search over the whole site, and each lesson's
/// Markdown and Jupyter notebook to download; an index in the same order; the theme's stylesheet
/// and script; KaTeX's stylesheet and fonts when a page has math; and the local files the
/// notebooks link.
///
/// Pages sit side by side at the site's root (`NAME.md` becomes `NAME.html`, beside copies `NAME.md`
/// and `NAME.ipynb`); a linked file keeps its path relative to its notebook, so links work unchanged.
/// Everything is rendered before the output directory is touched, then built beside it and swapped in.
public struct Site: Sendable {
    /// The site's folder (`--out DIR`).
    public var outputDirectory: String
    public var theme: Theme
    public var renderer: HTMLRenderer
    /// Shown on the index and in every page's navigation.
    public var title: String

    public init(outputDirectory: String, theme: Theme, renderer: HTMLRenderer = HTMLRenderer(),
                title: String = "Notebooks") {
        self.outputDirectory = outputDirectory
        self.theme = theme
        self.renderer = renderer
        self.title = title
    }

    /// The page file a notebook renders to: its file name with `.html` for `.md`.
    public static func pageName(for notebookPath: String) -> String {
        URL(fileURLWithPath: notebookPath).deletingPathExtension().lastPathComponent + ".html"
    }

    /// What a written site has to report: problems the pages show (a formula KaTeX rejects), which
    /// make `render` fail, and notes (search could not be built).
    public struct Report: Sendable {
        public var problems: [DocumentError] = []
        public var notes: [String] = []
    }

    /// Renders every notebook with its cells' results and replaces `outputDirectory` with the site.
    /// - Throws: `DocumentError` for a bad notebook (a missing linked file names the file and line),
    ///   two notebooks or files wanting the same place in the site, math without KaTeX installed,
    ///   or a failed write; the previous site is then left as it was.
    @discardableResult
    public func write(_ notebooks: [(document: Document, results: [CellResult?])]) throws(DocumentError) -> Report {
        let search = SearchIndex()
        let pageNames = try Self.pageNames(for: notebooks.map(\.document.path))
        try checkReplaceable(notebookPaths: Array(pageNames.keys))
        let (math, katex) = try Self.typesetMath(in: notebooks.map(\.document))
        let pages = try renderPages(notebooks, notebookPages: pageNames, math: math)
        let course = CourseNavigation(pages: pages)
        let downloads = pages.flatMap { page in
            let name = URL(fileURLWithPath: page.sourcePath).deletingPathExtension().lastPathComponent
            return [name + ".md", name + ".ipynb"]
        }
        let reserved = Set(pageNames.values).union(downloads).union(["index.html", "style.css", "folio.js"])
        let files = try Self.linkedFiles(of: pages, reserved: reserved, reservedFolders: ["katex", "pagefind"])
        var report = Report(problems: pages.flatMap(\.problems))

        let staged: StagedDirectory
        do {
            staged = try StagedDirectory(for: URL(fileURLWithPath: outputDirectory))
        } catch {
            throw DocumentError(path: outputDirectory, line: nil, message: "cannot create the site: \(error.localizedDescription)")
        }
        do {
            for file in try pageFiles(pages, of: notebooks, course: course, hasMath: katex != nil) {
                try staged.write(file.bytes, to: file.path)
            }
            try staged.write(Data(theme.indexHTML(course.order.map { pages[$0] }, siteTitle: title).utf8), to: "index.html")
            try staged.write(Data(theme.stylesheet.utf8), to: "style.css")
            try staged.write(Data(theme.script.utf8), to: "folio.js")
            for asset in katex?.assets() ?? [] {
                try staged.copy(asset.source, to: asset.sitePath)
            }
            for file in files {
                try staged.copy(file.source, to: file.sitePath)
            }
            if let note = try search.build(in: staged.staging) { report.notes.append(note) }
            try staged.commit()
        } catch {
            staged.discard()
            throw DocumentError(path: outputDirectory, line: nil, message: "cannot write the site: \(error.localizedDescription)")
        }
        return report
    }

    /// Each lesson's files, made on all cores: its page, its Markdown and its Jupyter notebook.
    private func pageFiles(_ pages: [RenderedPage], of notebooks: [(document: Document, results: [CellResult?])],
                           course: CourseNavigation, hasMath: Bool) throws -> [(path: String, bytes: Data)] {
        var files = [Result<[(path: String, bytes: Data)], Error>?](repeating: nil, count: course.order.count)
        files.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: course.order.count) { position in
                let page = pages[course.order[position]], notebook = notebooks[course.order[position]]
                let links = course.links(at: position, in: pages)
                let results = notebook.results.contains { $0 == nil } ? nil : notebook.results.compactMap { $0 }
                slots[position] = Result {
                    [(Self.pageName(for: page.sourcePath),
                      Data(theme.pageHTML(page, siteTitle: title, navigation: links, hasMath: hasMath).utf8)),
                     (links.sourceFile, Data(notebook.document.bytes)),
                     (links.notebookFile, try JupyterNotebook(document: notebook.document, results: results).fileContents())]
                }
            }
        }
        return try files.flatMap { try $0!.get() }
    }

    /// Every formula of the site typeset by one KaTeX process, and that KaTeX (nil when no page has math).
    private static func typesetMath(in documents: [Document]) throws(DocumentError) -> (TypesetMath, KaTeX?) {
        var spans: [(path: String, span: MathSpan)] = []
        for document in documents {
            spans += HTMLRenderer.formulas(in: document).map { (document.path, $0) }
        }
        guard let first = spans.first else { return (TypesetMath(), nil) }
        guard let katex = KaTeX.installed() else {
            throw DocumentError(path: first.path, line: first.span.line,
                                message: "math needs KaTeX and Node to render: install Debian's katex (scripts/install-deps does)")
        }
        var seen = Set<MathFormula>()
        let formulas = spans.map { MathFormula(tex: $0.span.tex, isDisplay: $0.span.isDisplay) }.filter { seen.insert($0).inserted }
        do {
            return (TypesetMath(try katex.typeset(formulas)), katex)
        } catch {
            throw DocumentError(path: first.path, line: first.span.line, message: "\(error)")
        }
    }

    /// Refuses to replace a folder that is not a site: one holding the notebooks themselves, or a
    /// non-empty folder without an `index.html` (say, `--out Notebooks` by mistake).
    private func checkReplaceable(notebookPaths: [String]) throws(DocumentError) {
        let folder = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        if let inside = notebookPaths.sorted().first(where: { $0.hasPrefix(folder + "/") }) {
            throw DocumentError(path: outputDirectory, line: nil,
                                message: "the site's folder holds the notebook \(inside); choose another --out")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return }
        let contents = isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] : [""]
        if !contents.isEmpty && !contents.contains("index.html") {
            throw DocumentError(path: outputDirectory, line: nil,
                                message: "exists and is not a site (no index.html); choose another --out or remove it")
        }
    }

    /// Renders the notebooks on all cores. The first failure in notebook order is thrown, so the
    /// error reported does not depend on timing.
    private func renderPages(_ notebooks: [(document: Document, results: [CellResult?])],
                             notebookPages: [String: String], math: TypesetMath) throws(DocumentError) -> [RenderedPage] {
        var outcomes = [Result<RenderedPage, DocumentError>?](repeating: nil, count: notebooks.count)
        outcomes.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: notebooks.count) { index in
                let notebook = notebooks[index]
                slots[index] = Result { () throws(DocumentError) in
                    try renderer.render(notebook.document, results: notebook.results, notebookPages: notebookPages, math: math)
                }
            }
        }
        return try outcomes.map { outcome throws(DocumentError) in try outcome!.get() }
    }

    /// Page names by standardized notebook path; two notebooks with one name are an error.
    private static func pageNames(for paths: [String]) throws(DocumentError) -> [String: String] {
        var names: [String: String] = [:]
        var owners: [String: String] = [:]
        for path in paths {
            let name = pageName(for: path)
            if name == "index.html" {
                throw DocumentError(path: path, line: nil, message: "a notebook named 'index' would replace the site's index; rename it")
            }
            if let owner = owners[name] {
                throw DocumentError(path: path, line: nil, message: "renders to \(name), like \(owner); notebooks in one site need different names")
            }
            owners[name] = path
            names[URL(fileURLWithPath: path).standardizedFileURL.path] = name
        }
        return names
    }

    /// Each linked file once, in a stable order; two different files at one site path are an error,
    /// as is a file at a place the site's own files take.
    private static func linkedFiles(of pages: [RenderedPage], reserved: Set<String>,
                                    reservedFolders: [String]) throws(DocumentError) -> [LinkedFile] {
        var bySitePath: [String: LinkedFile] = [:]
        for file in pages.flatMap(\.files) {
            if reserved.contains(file.sitePath) || reservedFolders.contains(where: { file.sitePath.hasPrefix($0 + "/") }) {
                throw DocumentError(path: file.notebookPath, line: file.line, message: "linked file '\(file.sitePath)' would replace a page of the site; rename it")
            }
            if let earlier = bySitePath[file.sitePath], earlier.source != file.source {
                throw DocumentError(path: file.notebookPath, line: file.line,
                                    message: "links \(file.source) as '\(file.sitePath)', but "
                                        + "\(earlier.notebookPath):\(earlier.line) links \(earlier.source) there")
            }
            bySitePath[file.sitePath] = bySitePath[file.sitePath] ?? file
        }
        return bySitePath.values.sorted { $0.sitePath < $1.sitePath }
    }
}
