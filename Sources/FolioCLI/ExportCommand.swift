import ArgumentParser
import Folio
import Foundation

/// `folio export --to ipynb PATH`: a notebook in another format.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a notebook, with its stored outputs, to another format.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ipynb
    }

    @Option(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: Format

    @Argument(help: "The notebook (.md) to export.")
    var path: String

    @Option(help: "Where to write (default: PATH with the format's extension; '-' for stdout).")
    var out: String?

    func run() throws {
        let document = try Document(contentsOf: path)
        let data = try JupyterNotebook(document: document).fileContents()
        let destination = out ?? (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".ipynb"
        if destination == "-" {
            FileHandle.standardOutput.write(data)
        } else {
            try AtomicFile.write(Array(data), to: destination)
            print(destination)
        }
    }
}
