import Foundation

/// A link or image target that names a file next to the notebook (not a URL, not an anchor).
struct LocalLink: Hashable {
    /// The target's path relative to the notebook's folder, normalised (no `.`, no `..`).
    var path: String
    /// What followed the path in the link (`?query` and `#fragment`), kept on the rewritten link.
    var suffix: String

    /// The local file `url` names, or nil for URLs, absolute paths and in-page anchors.
    /// Throws when the path climbs out of the notebook's folder, which the site could not mirror.
    init?(url: String) throws(LocalLinkError) {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/"), !Self.hasScheme(url) else { return nil }
        let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
        let rawPath = String(url[..<end])
        var components: [String] = []
        for component in (rawPath.removingPercentEncoding ?? rawPath).split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if components.popLast() == nil { throw LocalLinkError.outsideFolder(url) }
            default: components.append(String(component))
            }
        }
        guard !components.isEmpty else { return nil }
        path = components.joined(separator: "/")
        suffix = String(url[end...])
    }

    /// `scheme:` as in `https:`, `mailto:`, `data:`.
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), colon != url.startIndex else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
            && url.first!.isLetter
    }
}

enum LocalLinkError: Error {
    case outsideFolder(String)
}
