import Foundation

/// The folder Folio owns next to a notebook for its figures: `NAME.figures/` beside `NAME.md`.
///
/// Folio's files there are named by their content (`CellResult.Figure.fileName`); any other file in
/// the folder is the author's and is left alone. `folio run` writes new files before it rewrites the
/// notebook and removes the files no line of the notebook names any more; `folio clean` removes
/// the lines, then the files.
public struct FigureFolder: Sendable {
    /// The folder's path.
    public let path: String

    public init(forNotebook notebookPath: String) {
        let url = URL(fileURLWithPath: notebookPath)
        path = url.deletingLastPathComponent().appendingPathComponent(Self.name(forNotebook: notebookPath)).path
    }

    /// `NAME.figures` for `NAME.md` (or for any other file name, the name without its extension).
    static func name(forNotebook notebookPath: String) -> String {
        URL(fileURLWithPath: notebookPath).deletingPathExtension().lastPathComponent + ".figures"
    }

    /// What image lines write before a file name: the folder's name, percent-encoded where a link needs it, and `/`.
    static func linkPrefix(forNotebook notebookPath: String) -> String {
        var encoded = ""
        for byte in name(forNotebook: notebookPath).utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (character.isLetter || character.isNumber || "-._~".contains(character)) {
                encoded.append(character)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded + "/"
    }

    /// The text of the figure file `fileName`, or nil when it is missing or unreadable.
    public func contents(of fileName: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + fileName).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes each figure's file that is not there yet (a file's name is its content's hash, so one
    /// that exists holds the same bytes), creating the folder when needed.
    public func write(_ figures: [CellResult.Figure]) throws(FigureFolderError) {
        for figure in figures where contents(of: figure.fileName) != figure.svg {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw FigureFolderError(path: path, message: "cannot create the figures folder: \(error.localizedDescription)")
            }
            do {
                try AtomicFile.write(Array(figure.svg.utf8), to: path + "/" + figure.fileName)
            } catch {
                throw FigureFolderError(path: path + "/" + figure.fileName, message: error.description)
            }
        }
    }

    /// Deletes Folio's files that none of `document`'s figure lines names, then the folder if that
    /// leaves it empty. Returns the names deleted.
    @discardableResult
    public func removeUnreferenced(by document: Document) throws(FigureFolderError) -> [String] {
        let referenced = Set(document.cells.flatMap { document.figureLines(of: $0)?.references.map(\.fileName) ?? [] })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        let removable = names.filter { CellResult.Figure.isFileName($0[...]) && !referenced.contains($0) }.sorted()
        for name in removable {
            do {
                try FileManager.default.removeItem(atPath: path + "/" + name)
            } catch {
                throw FigureFolderError(path: path + "/" + name, message: "cannot remove an old figure: \(error.localizedDescription)")
            }
        }
        if names.count == removable.count { try? FileManager.default.removeItem(atPath: path) }
        return removable
    }
}

/// A figure file or folder Folio could not write or remove.
public struct FigureFolderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}
