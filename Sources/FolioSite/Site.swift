import Folio
import Foundation

/// A static HTML site of notebooks: one page per notebook, an index newest first, the theme's
/// stylesheet, and the local files the notebooks link.
///
/// Pages sit side by side at the site's root (`NAME.md` becomes `NAME.html`); a linked file keeps
/// its path relative to its notebook, so links work unchanged. Everything is rendered before the
/// output directory is touched, then built beside it and swapped in.
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

    /// Renders every notebook with its cells' results and replaces `outputDirectory` with the site.
    /// - Throws: `DocumentError` for a bad notebook (a missing linked file names the file and line),
    ///   two notebooks or files wanting the same place in the site, or a failed write; the previous
    ///   site is then left as it was.
    public func write(_ notebooks: [(document: Document, results: [CellResult?])]) throws(DocumentError) {
        let pageNames = try Self.pageNames(for: notebooks.map(\.document.path))
        try checkReplaceable(notebookPaths: Array(pageNames.keys))
        let pages = try renderPages(notebooks, notebookPages: pageNames)
        let files = try Self.linkedFiles(of: pages, reserved: Set(pageNames.values).union(["index.html", "style.css"]))

        let staged: StagedDirectory
        do {
            staged = try StagedDirectory(for: URL(fileURLWithPath: outputDirectory))
        } catch {
            throw DocumentError(path: outputDirectory, line: nil, message: "cannot create the site: \(error.localizedDescription)")
        }
        do {
            for page in pages {
                let name = Self.pageName(for: page.sourcePath)
                try staged.write(Data(theme.pageHTML(page, siteTitle: title).utf8), to: name)
            }
            let newestFirst = pages.sorted(by: Self.isNewer).map { (page: $0, url: Self.pageName(for: $0.sourcePath)) }
            try staged.write(Data(theme.indexHTML(newestFirst, siteTitle: title).utf8), to: "index.html")
            try staged.write(Data(theme.stylesheet.utf8), to: "style.css")
            for file in files {
                try staged.copy(file.source, to: file.sitePath)
            }
            try staged.commit()
        } catch {
            staged.discard()
            throw DocumentError(path: outputDirectory, line: nil, message: "cannot write the site: \(error.localizedDescription)")
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
                             notebookPages: [String: String]) throws(DocumentError) -> [RenderedPage] {
        var outcomes = [Result<RenderedPage, DocumentError>?](repeating: nil, count: notebooks.count)
        outcomes.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: notebooks.count) { index in
                let notebook = notebooks[index]
                slots[index] = Result { () throws(DocumentError) in
                    try renderer.render(notebook.document, results: notebook.results, notebookPages: notebookPages)
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

    /// Each linked file once, in a stable order; two different files at one site path are an error.
    private static func linkedFiles(of pages: [RenderedPage], reserved: Set<String>) throws(DocumentError) -> [LinkedFile] {
        var bySitePath: [String: LinkedFile] = [:]
        for file in pages.flatMap(\.files) {
            if reserved.contains(file.sitePath) {
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

    /// Index order: dated notebooks newest first, then undated; ties by title, then path.
    private static func isNewer(_ a: RenderedPage, _ b: RenderedPage) -> Bool {
        switch (a.frontMatter.date, b.frontMatter.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.title, a.sourcePath) < (b.title, b.sourcePath)
        }
    }
}
