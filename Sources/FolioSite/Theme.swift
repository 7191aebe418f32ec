import Folio
import Foundation
import Mustache

/// The look of a site: Mustache templates for a notebook's page and for the index, and a stylesheet.
///
/// The default theme ships in the Folio module's resources. A user's folder (`--template DIR`)
/// may hold any of `page.mustache`, `index.mustache` and `style.css`; each one present replaces
/// the default's. Templates receive only data: every value is escaped by `{{name}}` except the
/// already-built article HTML, which templates insert as `{{{body}}}`.
public struct Theme: Sendable {
    private var templates: MustacheLibrary
    /// Written to the site as `style.css`, which both templates link.
    public var stylesheet: String

    /// The default theme with the files found in `overrides` in place of its own.
    /// - Throws: `DocumentError` for a missing folder or a template that does not parse (with its line).
    public init(overrides: String? = nil) throws(DocumentError) {
        guard let defaults = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw DocumentError(path: "Folio resources", line: nil, message: "the default theme is missing from the build")
        }
        var folders = [defaults]
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DocumentError(path: overrides, line: nil, message: "template folder not found")
            }
            folders.append(URL(fileURLWithPath: overrides))
        }
        templates = MustacheLibrary()
        stylesheet = ""
        for folder in folders {
            for name in ["page", "index"] {
                let file = folder.appendingPathComponent("\(name).mustache")
                guard let text = try Self.contents(of: file) else { continue }
                do {
                    templates.register(try MustacheTemplate(string: text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    throw DocumentError(path: file.path, line: error.context.lineNumber,
                                        message: "template does not parse: \(error.error)")
                } catch {
                    throw DocumentError(path: file.path, line: nil, message: "template does not parse: \(error)")
                }
            }
            if let css = try Self.contents(of: folder.appendingPathComponent("style.css")) {
                stylesheet = css
            }
        }
    }

    /// The HTML document for one notebook.
    func pageHTML(_ page: RenderedPage, siteTitle: String) -> String {
        var context = Self.frontMatterContext(page)
        context["siteTitle"] = siteTitle
        context["body"] = page.body
        context["sourceName"] = URL(fileURLWithPath: page.sourcePath).lastPathComponent
        return templates.render(context, withTemplate: "page") ?? ""
    }

    /// The HTML document listing `pages`, in the given order, each linking its page file.
    func indexHTML(_ pages: [(page: RenderedPage, url: String)], siteTitle: String) -> String {
        let entries = pages.map { entry in
            var context = Self.frontMatterContext(entry.page)
            context["url"] = entry.url
            return context
        }
        let context: [String: Any] = [
            "siteTitle": siteTitle,
            "pages": entries,
            "language": pages.contains { Self.isKorean($0.page.title) } ? "ko" : "en",
        ]
        return templates.render(context, withTemplate: "index") ?? ""
    }

    /// The values both templates show for a notebook. Absent values are left out, so that
    /// `{{#date}}...{{/date}}` sections disappear.
    private static func frontMatterContext(_ page: RenderedPage) -> [String: Any] {
        let front = page.frontMatter
        var context: [String: Any] = [
            "title": page.title,
            "tags": front.tags,
            "hasTags": !front.tags.isEmpty,
            "categories": front.categories,
            "hasCategories": !front.categories.isEmpty,
            "language": front.fields["lang"] ?? (isKorean(page.title + page.summary) ? "ko" : "en"),
        ]
        for (key, value) in [("emoji", front.emoji), ("date", front.date), ("author", front.author),
                             ("summary", page.summary)] {
            if let value, !value.isEmpty { context[key] = value }
        }
        return context
    }

    /// Whether `text` has Hangul, so the page declares `lang="ko"` and browsers pick Korean glyphs.
    private static func isKorean(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value) }
    }

    private static func contents(of file: URL) throws(DocumentError) -> String? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw DocumentError(path: file.path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
    }
}
