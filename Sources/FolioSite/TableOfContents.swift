/// A heading of a rendered page: what the ```` ```toc ```` block lists.
public struct PageHeading: Hashable, Sendable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading's text without markup or raw HTML.
    public var text: String
    /// The anchor id the heading carries on the page.
    public var id: String
}

/// The ```` ```toc ```` block's HTML: a `<nav>` with nested lists of links to the page's headings.
enum TableOfContents {
    /// `label` names the navigation for screen readers, in the page's language.
    static func html(for headings: [PageHeading], label: String) -> String {
        guard !headings.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"\(label.htmlEscaped)\">\n"
        // Open lists track the levels of the headings that own them, so skipped levels
        // (# then ###) nest one step, not two.
        var openLevels: [Int] = []
        for heading in headings {
            if let last = openLevels.last, heading.level > last {
                html += "\n<ul>\n"
                openLevels.append(heading.level)
            } else if openLevels.isEmpty {
                html += "<ul>\n"
                openLevels.append(heading.level)
            } else {
                while openLevels.count > 1, heading.level < openLevels[openLevels.count - 1],
                      heading.level <= openLevels[openLevels.count - 2] {
                    html += "</li>\n</ul>\n"
                    openLevels.removeLast()
                }
                html += "</li>\n"
            }
            html += "<li><a href=\"#\(heading.id.htmlEscaped)\">\(heading.text.htmlEscaped)</a>"
        }
        html += "</li>\n</ul>\n"
        for _ in openLevels.dropFirst() { html += "</li>\n</ul>\n" }
        return html + "</nav>"
    }
}
