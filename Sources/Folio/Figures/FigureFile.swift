import Crypto
import Foundation

extension CellResult.Figure {
    /// The figure's file name: the first 16 hex digits of the SHA-256 of its bytes, then `.svg`.
    /// The same figure always gets the same name, and a changed figure a new one.
    public var fileName: String {
        String(SHA256.hash(data: Data(svg.utf8)).hexString.prefix(16)) + ".svg"
    }

    /// The data the figure shows, as the runtime recorded it in the SVG's
    /// `<metadata class="folio-data">` (see FolioRuntime's `FigureData`); what `folio check` compares.
    /// Nil for an SVG without it (not a figure Folio drew).
    public var data: String? {
        Self.data(inSVG: svg)
    }

    static func data(inSVG svg: String) -> String? {
        let open = "<metadata class=\"folio-data\">\n"
        guard let start = svg.range(of: open), let end = svg.range(of: "</metadata>", range: start.upperBound..<svg.endIndex)
        else { return nil }
        return String(svg[start.upperBound..<end.lowerBound]).xmlUnescaped
    }

    /// Whether `name` has the form of a figure file name (16 lowercase hex digits and `.svg`).
    static func isFileName(_ name: Substring) -> Bool {
        name.count == 20 && name.hasSuffix(".svg") && name.dropLast(4).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

extension String {
    /// The text with the five XML entities (and numeric character references) the runtime writes resolved.
    fileprivate var xmlUnescaped: String {
        guard contains("&") else { return self }
        var result = ""
        var rest = self[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let replacement = named[String(entity)] {
                result += replacement
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
