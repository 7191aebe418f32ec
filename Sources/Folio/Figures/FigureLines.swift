import Foundation

/// The image lines Folio owns after a cell: one line per figure the cell drew, each
/// `![what it shows](NAME.figures/0123456789abcdef.svg)`, where `NAME.figures` is the folder next to the
/// notebook `NAME.md` (see `FigureFolder`).
///
/// They are the run of such lines that starts at the first non-blank line after the cell's output
/// block (or after the cell, when it has none), in the cell's container; a line of any other form ends
/// the run, so an author's own images and text, even in the same folder or right below, are never
/// Folio's. Code hosts show the lines as the charts; rendered pages and `check` use the files.
public struct FigureLines: Hashable, Sendable {
    /// One image line: its alt text (Markdown escapes resolved) and the file it names in the folder.
    public struct Reference: Hashable, Sendable {
        public var description: String
        public var fileName: String

        public init(description: String, fileName: String) {
            self.description = description
            self.fileName = fileName
        }
    }

    public var references: [Reference]
    /// 1-based line of the first image line.
    public var firstLine: Int
    /// From the end of the line before the run that is not blank (before its line ending) to the end of
    /// the last image line (before its line ending): removing it leaves the file as if the lines had
    /// never been added.
    var range: Range<Int>
}

extension Document {
    /// The figure lines after `cell`, if there are any.
    public func figureLines(of cell: Cell) -> FigureLines? {
        let anchor = anchorLine(of: cell)
        let folder = FigureFolder.linkPrefix(forNotebook: path)
        var line = anchor + 1
        while line <= lines.count, containerContent(ofLine: line).isEmpty { line += 1 }
        var references: [FigureLines.Reference] = []
        let first = line
        while line <= lines.count, let reference = Self.reference(in: containerContent(ofLine: line), folder: folder) {
            references.append(reference)
            line += 1
        }
        guard !references.isEmpty else { return nil }
        return FigureLines(references: references, firstLine: first,
                           range: lines.contentEnd(ofLine: anchor)..<lines.contentEnd(ofLine: line - 1))
    }

    /// The document's bytes with each cell in `figures` given those figures' lines, in order: a cell
    /// with none loses its lines (and the blank lines before them); lines already naming the same
    /// files with the same alt text stay as they are. Nothing else changes.
    public func splicingFigures(_ figures: [Int: [CellResult.Figure]]) -> [UInt8] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for (index, cellFigures) in figures where cells.indices.contains(index) {
            let cell = cells[index]
            let existing = figureLines(of: cell)
            let wanted = cellFigures.map { FigureLines.Reference(description: Self.altText($0.description), fileName: $0.fileName) }
            guard (existing?.references ?? []) != wanted else { continue }
            let layout = OutputBlockLayout(for: cell, in: self)
            let folder = FigureFolder.linkPrefix(forNotebook: path)
            let imageLines = wanted.map { layout.prefix + Array("![\(Self.escaped($0.description))](\(folder)\($0.fileName))".utf8) }
            let joined = Array(imageLines.joined(separator: layout.lineEnding))
            switch existing {
            case let existing? where wanted.isEmpty:
                edits.append((existing.range, []))
            case let existing?:
                // Keep the blank lines the author left before the images; rewrite the image lines.
                edits.append((lines.start(ofLine: existing.firstLine)..<existing.range.upperBound, joined))
            case nil:
                let end = lines.contentEnd(ofLine: anchorLine(of: cell))
                let separator = cell.isInTightListItem ? layout.lineEnding : layout.lineEnding + layout.blankLinePrefix + layout.lineEnding
                edits.append((end..<end, separator + joined))
            }
        }
        return applying(edits)
    }

    /// The document's bytes without any figure lines; nothing else changes.
    public func cleanedOfFigures() -> [UInt8] {
        splicingFigures(Dictionary(uniqueKeysWithValues: cells.filter { figureLines(of: $0) != nil }.map { ($0.index, []) }))
    }

    /// Whether lines `first...last` are exactly a cell's figure lines (which a page replaces with the figures).
    public func isFigureParagraph(startingAt first: Int, endingAt last: Int) -> Bool {
        cells.contains { cell in
            guard let figures = figureLines(of: cell) else { return false }
            return figures.firstLine == first && figures.firstLine + figures.references.count - 1 == last
        }
    }

    /// The cell's output block's closing line, or the cell's closing fence line: what figure lines follow.
    private func anchorLine(of cell: Cell) -> Int {
        cell.output.map { lines.line(ofByte: $0.range.upperBound - 1) } ?? closingFenceLine(of: cell)
    }

    /// A line without its container prefix (spaces, tabs, `>`) and trailing white space.
    private func containerContent(ofLine line: Int) -> Substring {
        let text = String(decoding: bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)], as: UTF8.self)
        let content = text.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        return content[..<(content.lastIndex { $0 != " " && $0 != "\t" }.map(content.index(after:)) ?? content.startIndex)]
    }

    /// The reference on a line that is exactly `![alt](FOLDER/HEX.svg)`, else nil.
    private static func reference(in line: Substring, folder: String) -> FigureLines.Reference? {
        guard line.hasPrefix("!["), line.hasSuffix(".svg)"), let split = line.range(of: "](" + folder, options: .backwards)
        else { return nil }
        let fileName = line[split.upperBound..<line.index(before: line.endIndex)]
        let alt = line[line.index(line.startIndex, offsetBy: 2)..<split.lowerBound]
        guard CellResult.Figure.isFileName(fileName), let description = unescaped(alt) else { return nil }
        return FigureLines.Reference(description: description, fileName: String(fileName))
    }

    /// A description as it reads back from an image line: on one line.
    private static func altText(_ description: String) -> String {
        description.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Characters that would turn alt text into markup, escaped with a backslash.
    private static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "$", "~", "!"]

    private static func escaped(_ alt: String) -> String {
        var result = ""
        for character in alt {
            if markup.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Alt text with its backslash escapes resolved; nil when it has an unescaped bracket (then the line
    /// is not one Folio wrote).
    private static func unescaped(_ alt: Substring) -> String? {
        var result = ""
        var escaping = false
        for character in alt {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "[" || character == "]" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }
}
