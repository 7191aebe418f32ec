import Folio
import Foundation
import Mustache

/// The look of a site: Mustache templates for a notebook's page and for the index, a stylesheet,
/// and a small script (copy buttons, search) that pages read fine without.
///
/// The default theme ships in the FolioSite module's resources. A user's folder (`--template DIR`)
/// may hold any of `page.mustache`, `index.mustache`, `style.css` and `folio.js`; each one present
/// replaces the default's. Templates receive only data: every value is escaped by `{{name}}` except the
/// already-built article HTML, which templates insert as `{{{body}}}`.
public struct Theme: Sendable {
    private var templates: MustacheLibrary
    /// Written to the site as `style.css`, which both templates link.
    public var stylesheet: String
    /// Written to the site as `folio.js`, which both templates load.
    public var script: String

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
        script = ""
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
            if let javaScript = try Self.contents(of: folder.appendingPathComponent("folio.js")) {
                script = javaScript
            }
        }
    }

    /// The HTML document for one notebook, with the links `navigation` gives it.
    func pageHTML(_ page: RenderedPage, siteTitle: String, navigation: PageLinks, hasMath: Bool) -> String {
        var context = Self.frontMatterContext(page)
        context["siteTitle"] = siteTitle
        context["body"] = page.body
        context["sourceName"] = URL(fileURLWithPath: page.sourcePath).lastPathComponent
        context["sourceFile"] = navigation.sourceFile
        context["notebookFile"] = navigation.notebookFile
        context["hasMath"] = hasMath
        context["ui"] = InterfaceWords(language: page.language).templateValues
        if let titleID = page.titleID { context["titleID"] = titleID }
        context["lessons"] = navigation.lessons.enumerated().map { position, lesson in
            ["title": lesson.title, "url": lesson.url, "current": position == navigation.current] as [String: Any]
        }
        if let previous = navigation.previous { context["previous"] = ["title": previous.title, "url": previous.url] }
        if let next = navigation.next { context["next"] = ["title": next.title, "url": next.url] }
        return templates.render(context, withTemplate: "page") ?? ""
    }

    /// The HTML document listing `pages`, in the given (course) order, each linking its page file.
    func indexHTML(_ pages: [RenderedPage], siteTitle: String) -> String {
        let entries = pages.map { page in
            var context = Self.frontMatterContext(page)
            context["url"] = Site.pageName(for: page.sourcePath)
            return context
        }
        let korean = pages.filter { $0.language.lowercased().hasPrefix("ko") }.count
        let language = korean * 2 > pages.count ? "ko" : "en"
        let context: [String: Any] = [
            "siteTitle": siteTitle,
            "pages": entries,
            "language": language,
            "ui": InterfaceWords(language: language).templateValues,
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
            "language": page.language,
        ]
        for (key, value) in [("emoji", front.emoji), ("date", front.date), ("author", front.author),
                             ("summary", page.summary)] {
            if let value, !value.isEmpty { context[key] = value }
        }
        return context
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
