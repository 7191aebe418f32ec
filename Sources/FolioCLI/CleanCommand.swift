import ArgumentParser
import Folio

/// `folio clean PATH...`: removes output blocks and changes nothing else.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the output blocks of notebooks; every other byte stays as written.")

    @Argument(help: "Notebooks, or folders of notebooks (default: Notebooks).")
    var paths: [String] = ["Notebooks"]

    func run() throws {
        for path in try NotebookPaths.expand(paths) {
            let document = try Document(contentsOf: path)
            let cleaned = document.cleaned()
            guard cleaned != document.bytes else { continue }
            try AtomicFile.write(cleaned, to: path)
            print("cleaned \(path)")
        }
    }
}
