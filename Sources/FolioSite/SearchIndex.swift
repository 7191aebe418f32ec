import Foundation

/// The site's search index, built by Pagefind (PyPI `pagefind_bin`, a static binary) over the
/// written pages: it works offline, in the reader's browser, for Korean and English alike.
///
/// Pagefind indexes each page's `data-pagefind-body` (the article, not the navigation), links
/// results to the headings' anchors, and writes its index and search UI under `pagefind/`. One index
/// serves the whole site whatever each page's language, so a query in either language finds every
/// page; words match by prefix, so `임베딩` finds `임베딩은` and `임베딩을`.
final class SearchIndex: @unchecked Sendable {
    /// Pagefind's executable, set once by the background look-up before `found` is signalled.
    private var pagefind: URL?
    private let found = DispatchSemaphore(value: 0)

    /// Starts looking for Pagefind in the background (asking Python where `pagefind_bin` is takes a
    /// while), so that the look-up overlaps rendering.
    init() {
        DispatchQueue.global().async {
            self.pagefind = Self.pagefindExecutable()
            self.found.signal()
        }
    }

    /// Indexes the site in `folder`. Returns a note when Pagefind is not installed (the pages then
    /// say that search is unavailable); throws when Pagefind fails. Call it once.
    func build(in folder: URL) throws -> String? {
        found.wait()
        guard let pagefind else {
            return "search not built: Pagefind is missing (`python3 -m pip install pagefind_bin`, which scripts/install-deps runs)"
        }
        let process = Process()
        process.executableURL = pagefind
        // KaTeX's visual HTML repeats each formula; its MathML (with the TeX) is what gets indexed.
        process.arguments = ["--site", folder.path, "--force-language", "en", "--quiet", "--exclude-selectors", ".katex-html"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SearchIndexError(message: "Pagefind failed: " + String(decoding: messages, as: UTF8.self))
        }
        return nil
    }

    /// `pagefind` on the PATH, else the binary inside the `pagefind_bin` Python package.
    private static func pagefindExecutable() -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        let candidates = folders.map { URL(fileURLWithPath: String($0)) }
        if let pagefind = candidates.map({ $0.appendingPathComponent("pagefind") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return pagefind
        }
        guard let python = candidates.map({ $0.appendingPathComponent("python3") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { return nil }
        let probe = Process()
        probe.executableURL = python
        probe.arguments = ["-c", "import pagefind_bin, sys; sys.stdout.write(str(pagefind_bin.get_executable()))"]
        let output = Pipe()
        probe.standardOutput = output
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        guard probe.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return URL(fileURLWithPath: path)
    }
}

struct SearchIndexError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
