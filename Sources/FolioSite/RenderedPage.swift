import Folio

/// One notebook rendered to HTML, before a template places it on a page.
public struct RenderedPage: Sendable {
    /// The notebook's path, as in its `Document`.
    public var sourcePath: String
    public var frontMatter: FrontMatter
    /// The front matter's title, else the first heading's text, else the file name.
    public var title: String
    /// The article's HTML: prose, highlighted cells with outputs, table of contents.
    public var body: String
    /// Every heading in order, with the anchor id it has in `body`.
    public var headings: [PageHeading]
    /// One line for the index: the front matter's `description` or `summary`, else the first paragraph.
    public var summary: String
    /// Local files the page links, to copy into the site.
    public var files: [LinkedFile]
    /// The page's language: front matter `lang`, else `ko` for mostly Hangul prose, else `en`.
    public var language: String
    /// The anchor id of the first heading when it repeated the title and so moved to the page's header.
    public var titleID: String?
    /// What the page shows as broken (formulas KaTeX could not typeset), each at its file and line.
    public var problems: [DocumentError]
}

/// A local file a notebook links (an image, a download), copied into the site.
public struct LinkedFile: Hashable, Sendable {
    /// Absolute path of the file next to the notebook.
    public var source: String
    /// Path inside the site, which is also the link's target on the page.
    public var sitePath: String
    /// The notebook that links it and the line of the link, for messages.
    public var notebookPath: String
    public var line: Int
}
