import ArgumentParser
import Folio
import Foundation

/// `folio new NAME`: starts a lesson from the template.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a lesson with front matter and a first cell that runs.",
        discussion: "NAME becomes Notebooks/NAME.md; a NAME with a '/' or ending in .md is used as the path. Never overwrites.")

    @Argument(help: "The lesson's name, or the path of the file to create.")
    var name: String

    @Option(help: "The title (default: from NAME, e.g. lstm-basics → Lstm Basics).")
    var title: String?

    @Option(help: "The author (default: GIT_AUTHOR_NAME, git config user.name, or USER).")
    var author: String?

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let file = LessonScaffold.destination(forName: name, root: root)
        let template = LessonTemplate(
            title: title ?? LessonTemplate.title(fromName: file.deletingPathExtension().lastPathComponent),
            date: Self.today(),
            author: author ?? AuthorName.resolve())
        try LessonScaffold.create(template, at: file)
        print(file.path.hasPrefix(root.path + "/") ? String(file.path.dropFirst(root.path.count + 1)) : file.path)
    }

    /// Today's date where the author is, as front matter writes it.
    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
