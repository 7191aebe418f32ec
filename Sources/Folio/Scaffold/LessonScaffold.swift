import Foundation

/// Creates a new lesson file from `LessonTemplate` (`folio new NAME`).
public enum LessonScaffold {
    /// Where `folio new NAME` writes: `NAME` itself when it is a path (has a `/` or ends in `.md`,
    /// `.md` added if missing), otherwise `Notebooks/NAME.md` under `root`.
    public static func destination(forName name: String, root: URL) -> URL {
        let isPath = name.contains("/") || name.hasSuffix(".md")
        let file = name.hasSuffix(".md") ? name : name + ".md"
        if isPath {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
            return url.standardizedFileURL
        }
        return root.appendingPathComponent("Notebooks", isDirectory: true).appendingPathComponent(file)
    }

    /// Writes `template` to `file`, creating its folder; never replaces an existing file.
    public static func create(_ template: LessonTemplate, at file: URL) throws(DocumentError) {
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw DocumentError(path: file.relativePath, line: nil, message: "already exists; not overwriting it")
        }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` also refuses a file that appeared since the check above.
            try Data(template.text.utf8).write(to: file, options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw DocumentError(path: file.relativePath, line: nil, message: "already exists; not overwriting it")
        } catch {
            throw DocumentError(path: file.relativePath, line: nil, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
