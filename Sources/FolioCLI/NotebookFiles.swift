import Foundation

/// The notebook files that command-line paths name: files as given, directories searched
/// recursively for `*.md`, each directory's files sorted so runs are in a stable order.
struct NotebookFiles {
    var files: [String]

    init(paths: [String]) throws(PathError) {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PathError(path: path, message: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            let base = path.hasSuffix("/") ? path : path + "/"
            files += found.filter { $0.hasSuffix(".md") }.sorted().map { base + $0 }
        }
        self.files = files
    }

    /// A command-line path that names nothing Folio can read.
    struct PathError: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): error: \(message)" }
    }
}
