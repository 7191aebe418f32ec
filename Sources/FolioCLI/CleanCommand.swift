import ArgumentParser
import Folio

/// `folio clean PATH...`: removes output blocks, figure lines and figure files, and changes nothing else.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the output blocks and figures of notebooks; every other byte stays as written.")

    @Argument(help: "Notebooks, or folders of notebooks (default: Notebooks).")
    var paths: [String] = ["Notebooks"]

    func run() throws {
        for path in try NotebookPaths.expand(paths) {
            let document = try Document(contentsOf: path)
            let cleaned = try Document(path: path, bytes: document.cleaned()).cleanedOfFigures()
            if cleaned != document.bytes {
                try AtomicFile.write(cleaned, to: path)
                print("cleaned \(path)")
            }
            try FigureFolder(forNotebook: path).removeUnreferenced(by: try Document(path: path, bytes: cleaned))
        }
    }
}
