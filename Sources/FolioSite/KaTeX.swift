import Folio
import Foundation

/// Typesets formulas at build time with KaTeX (Debian's `katex`, run by Node), to HTML with MathML,
/// so pages need no script and no network to show math.
///
/// A whole site's formulas go to one Node process, each distinct formula once.
struct KaTeX {
    /// The `katex` package's folder: its `dist/` holds the stylesheet and fonts the site copies.
    let packageFolder: URL
    let node: URL

    /// Where Debian installs KaTeX, then where `npm install -g` does.
    static let packageCandidates = ["/usr/share/nodejs/katex", "/usr/lib/node_modules/katex", "/usr/local/lib/node_modules/katex"]

    /// The installed KaTeX and Node; nil when either is missing.
    static func installed() -> KaTeX? {
        guard let folder = packageCandidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/package.json") }),
              let node = executable(named: "node") ?? executable(named: "nodejs") else { return nil }
        return KaTeX(packageFolder: URL(fileURLWithPath: folder), node: node)
    }

    /// The formulas as KaTeX typesets them: HTML for each, or KaTeX's message for bad TeX.
    func typeset(_ formulas: [MathFormula]) throws -> [MathFormula: Result<String, MathError>] {
        guard !formulas.isEmpty else { return [:] }
        guard let script = Bundle.module.url(forResource: "Resources/katex-typeset", withExtension: "js") else {
            throw MathError(message: "the KaTeX script is missing from the build")
        }
        let request = try JSONSerialization.data(withJSONObject: formulas.map { [$0.tex, $0.isDisplay] as [Any] })
        let process = Process()
        process.executableURL = node
        process.arguments = [script.path, packageFolder.path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Node reads all of its input before it writes, so writing first cannot dead-lock.
        try input.fileHandleForWriting.write(contentsOf: request)
        try input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let results = try JSONSerialization.jsonObject(with: answer) as? [[String: String]], results.count == formulas.count
        else {
            throw MathError(message: "KaTeX failed: " + String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var typeset: [MathFormula: Result<String, MathError>] = [:]
        for (formula, result) in zip(formulas, results) {
            typeset[formula] = result["html"].map { .success($0) } ?? .failure(MathError(message: result["error"] ?? "KaTeX gave no result"))
        }
        return typeset
    }

    /// KaTeX's stylesheet and the fonts it loads (WOFF2, which every browser that runs KaTeX reads),
    /// as (source, path in the site) pairs under `katex/`.
    func assets() -> [(source: String, sitePath: String)] {
        let dist = packageFolder.appendingPathComponent("dist")
        let fonts = dist.appendingPathComponent("fonts")
        let fontNames = ((try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? [])
            .filter { $0.hasSuffix(".woff2") }.sorted()
        return [(dist.appendingPathComponent("katex.min.css").path, "katex/katex.min.css")]
            + fontNames.map { (fonts.appendingPathComponent($0).path, "katex/fonts/\($0)") }
    }

    private static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A formula to typeset: its TeX and whether it is display math.
struct MathFormula: Hashable, Sendable {
    var tex: String
    var isDisplay: Bool
}

/// Why a formula could not be typeset: KaTeX's message.
struct MathError: Error, Hashable, Sendable {
    var message: String
}
