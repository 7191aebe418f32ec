import Foundation

/// The order of a course's lessons and the links each page shows: lessons are ordered by front
/// matter `order` (a number; lessons without one come after), then by file name.
struct CourseNavigation {
    /// Indices into the pages, in course order.
    let order: [Int]

    init(pages: [RenderedPage]) {
        let keys = pages.map { page in
            (order: page.frontMatter.fields["order"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .infinity,
             name: URL(fileURLWithPath: page.sourcePath).lastPathComponent)
        }
        order = pages.indices.sorted { keys[$0] < keys[$1] }
    }

    /// The links of the page at `position` in course order.
    func links(at position: Int, in pages: [RenderedPage]) -> PageLinks {
        let entry = { (position: Int) in
            PageLinks.Entry(title: pages[order[position]].title, url: Site.pageName(for: pages[order[position]].sourcePath))
        }
        let name = URL(fileURLWithPath: pages[order[position]].sourcePath).deletingPathExtension().lastPathComponent
        return PageLinks(lessons: order.indices.map(entry), current: position,
                         previous: position > 0 ? entry(position - 1) : nil,
                         next: position + 1 < order.count ? entry(position + 1) : nil,
                         sourceFile: name + ".md", notebookFile: name + ".ipynb")
    }
}

/// What a page links besides its content: every lesson (for the sidebar), its neighbours, and its
/// downloads.
struct PageLinks {
    struct Entry {
        var title: String
        var url: String
    }

    var lessons: [Entry]
    /// The position of the page itself in `lessons`.
    var current: Int
    var previous: Entry?
    var next: Entry?
    /// The lesson's Markdown, copied into the site.
    var sourceFile: String
    /// The lesson exported as a Jupyter notebook.
    var notebookFile: String
}
