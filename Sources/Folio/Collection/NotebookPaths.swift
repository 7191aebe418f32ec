import Foundation

/// Finds the notebooks a command works on.
public enum NotebookPaths {
    /// The notebooks named by `paths`: a file is taken as it is, a directory stands for every `*.md`
    /// file below it (hidden folders such as `.build` and `.folio-cache` are skipped).
    ///
    /// The result is sorted by path and has no duplicates (`a/x.md` and `./a/x.md` are one notebook),
    /// so every CI machine that is given the same arguments sees the same list, which `Shard` relies on.
    /// A path that does not exist is an error naming it.
    public static func expand(_ paths: [String]) throws(DocumentError) -> [String] {
        var found: [String: String] = [:]  // resolved path -> path as the user will see it
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DocumentError(path: path, line: nil, message: "no such file or directory")
            }
            let files = isDirectory.boolValue ? markdownFiles(under: path) : [path]
            for file in files {
                let resolved = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
                found[resolved] = found[resolved].map { min($0, display(file)) } ?? display(file)
            }
        }
        return found.values.sorted()
    }

    private static func markdownFiles(under directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Rebuild from the argument so the path keeps the user's spelling (relative stays relative).
            let relative = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)
                .drop { $0 == "/" }
            files.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
        }
        return files
    }

    /// `./a/x.md` → `a/x.md`: the form messages and sorting use.
    private static func display(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
