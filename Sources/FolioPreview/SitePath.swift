import Foundation

/// Maps a request path to a file inside the site folder, and refuses every path that could leave it.
///
/// The path is percent-decoded once, then split on `/`; a `..` or `.` segment, a backslash, a NUL
/// or an undecodable escape is refused, so `/../x`, `/%2e%2e/x` and `/a/%2F..%2Fb` never reach the
/// file system. What remains is joined under the site folder and, after symbolic links are resolved,
/// must still be inside it (a link pointing out of the site is refused too).
struct SitePath: Equatable {
    /// The file to serve.
    let file: URL

    enum Refusal: Error, Equatable {
        /// The path tries to leave the site folder: 403.
        case outsideSite
        /// Inside the site, but nothing is there: 404.
        case notFound
    }

    /// - Parameter requestPath: the URI path as received, e.g. `/posts/a.html` (no query).
    init(requestPath: String, site: URL) throws(Refusal) {
        guard let decoded = requestPath.removingPercentEncoding,
              !decoded.contains("\\"), !decoded.contains("\0")
        else { throw .outsideSite }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { throw .outsideSite }

        let root = site.standardizedFileURL.resolvingSymlinksInPath()
        var candidate = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            candidate.appendPathComponent("index.html")
        }
        let resolved = candidate.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path + "/") else { throw .outsideSite }
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .notFound
        }
        file = resolved
    }
}
