import Crypto
import Foundation

/// The content address of one notebook execution: a SHA-256 over everything that can change what
/// the notebook's cells print, and nothing else.
///
/// Hashed, in order, in a length-prefixed encoding (so no two inputs share an encoding):
/// the key format version, the toolchain fingerprint (compiler version, runtime library hash and
/// compile flags, as the executor's toolchain reports them), the seed, and for every cell that is
/// not `ignore`: its code and the options that change execution (`compile-fail`, `should-fail`,
/// `timeout`, `output-limit`).
///
/// Left out on purpose:
/// - prose, front matter other than the seed, and output blocks: they never change what runs;
/// - `ignore` cells: never compiled;
/// - `hide-code` / `hide-output`: they only change how a page shows the results;
/// - the notebook's path and its cells' line numbers. Results do mention them (diagnostics and
///   traps read `file.md:LINE:`), but including them would make a prose edit that shifts lines a
///   miss. Instead an entry records the layout it was made with and `CacheEntry.results(for:)`
///   moves those locations to the current layout.
///
/// Not seen: files a cell reads at run time (a notebook runs in its own folder). After changing
/// such a file, run with `--refresh`.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// Raise when the encoding below or the meaning of an entry changes: old entries then miss.
    public static let formatVersion = 2

    /// Lowercase hex SHA-256.
    public let digest: String

    public init(cells: [Cell], seed: UInt64, toolchain: String) {
        var encoding = KeyEncoding()
        encoding.append("format", String(Self.formatVersion))
        encoding.append("toolchain", toolchain)
        encoding.append("seed", String(seed))
        for cell in cells where !cell.options.ignore {
            encoding.append("cell", cell.code)
            encoding.append("compile-fail", cell.options.compileFail ? "1" : "0")
            encoding.append("should-fail", cell.options.shouldFail ? "1" : "0")
            encoding.append("timeout", cell.options.timeout.map { String($0) } ?? "")
            // Only when set, so that the keys of cells without it stay as they were.
            if let lines = cell.options.outputLimit { encoding.append("output-limit", String(lines)) }
        }
        digest = SHA256.hash(data: encoding.bytes).hexString
    }

    /// The key of running `document` as its cells are now.
    public init(for document: Document, toolchain: String) {
        self.init(cells: document.cells, seed: document.seed, toolchain: toolchain)
    }

    public var description: String { digest }
}

/// `name <byte count>\n<bytes>\n` per field: unambiguous whatever the values contain.
private struct KeyEncoding {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ name: String, _ value: String) {
        bytes += Array("\(name) \(value.utf8.count)\n".utf8)
        bytes += Array(value.utf8)
        bytes.append(0x0A)
    }
}

extension Digest {
    /// The digest as lowercase hex.
    var hexString: String {
        map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
