import Crypto
import Foundation

/// A directory of `CacheEntry` files, one per key, that parallel jobs, separate `folio` processes
/// and CI machines (restoring it with a cache action) can share.
///
/// Each entry is `<directory>/<first two hex digits>/<digest>.json`: a header line
/// `folio-cache-entry sha256=<hex>` with the checksum of the rest, then the entry as JSON with sorted
/// keys. Entries are written to a temporary file in the same folder and renamed into place, so a
/// reader sees a whole old entry or a whole new one, never a partial write; two writers of one key
/// write the same results, so whichever rename lands last is right. A file that is truncated,
/// altered or not an entry is reported as `.corrupt`, and the next `store` replaces it.
public struct ResultCache: Sendable {
    /// The folder `folio` uses when none is given: `.folio-cache` at the project root.
    public static let defaultFolderName = ".folio-cache"

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `.folio-cache` at the project root: the nearest folder at or above `start` that has a
    /// `.git` or `Package.swift`, else `start` itself.
    public static func defaultDirectory(from start: URL) -> URL {
        let markers = [".git", "Package.swift"]
        var folder = start.standardizedFileURL
        while true {
            if markers.contains(where: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
                return folder.appendingPathComponent(defaultFolderName, isDirectory: true)
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else { break }
            folder = parent
        }
        return start.appendingPathComponent(defaultFolderName, isDirectory: true)
    }

    /// The file that holds `key`'s entry.
    public func file(for key: CacheKey) -> URL {
        file(forDigest: key.digest)
    }

    private func file(forDigest digest: String) -> URL {
        directory
            .appendingPathComponent(String(digest.prefix(2)), isDirectory: true)
            .appendingPathComponent(digest + ".json", isDirectory: false)
    }

    public func lookup(_ key: CacheKey) -> CacheLookup {
        let file = file(for: key)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch CocoaError.fileReadNoSuchFile {
            return .miss
        } catch {
            return .corrupt(CacheCorruption(file: file.path, reason: "unreadable: \(error.localizedDescription)"))
        }
        do {
            let entry = try EntryFile.decode(data)
            guard entry.key == key.digest else {
                throw CacheCorruption.Reason("holds the entry for key \(entry.key)")
            }
            return .hit(entry)
        } catch let reason as CacheCorruption.Reason {
            return .corrupt(CacheCorruption(file: file.path, reason: reason.text))
        } catch {
            return .corrupt(CacheCorruption(file: file.path, reason: "undecodable: \(error)"))
        }
    }

    /// Writes `entry` atomically, replacing whatever is stored under its key.
    public func store(_ entry: CacheEntry) throws {
        let file = file(forDigest: entry.key)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try EntryFile.encode(entry).write(to: file, options: .atomic)
    }
}

/// The answer of `ResultCache.lookup`.
public enum CacheLookup: Sendable {
    case hit(CacheEntry)
    case miss
    /// There is a file for the key but it cannot be trusted; treat as a miss, and report it.
    case corrupt(CacheCorruption)
}

/// A cache entry file that failed its checksum or could not be decoded.
public struct CacheCorruption: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "\(file): warning: ignoring corrupt cache entry (\(reason)); it will be rewritten" }

    /// Why an entry's bytes were rejected, before the file is known.
    struct Reason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}

/// The on-disk form of an entry: checksum header line, then JSON.
private enum EntryFile {
    static let magic = "folio-cache-entry sha256="

    static func encode(_ entry: CacheEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(entry)
        return Data((magic + SHA256.hash(data: body).hexString + "\n").utf8) + body
    }

    static func decode(_ data: Data) throws -> CacheEntry {
        guard let newline = data.firstIndex(of: 0x0A),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8),
              header.hasPrefix(magic)
        else { throw CacheCorruption.Reason("no checksum header") }
        let body = data[data.index(after: newline)...]
        guard SHA256.hash(data: body).hexString == header.dropFirst(magic.count) else {
            throw CacheCorruption.Reason("checksum mismatch: truncated or altered")
        }
        return try JSONDecoder().decode(CacheEntry.self, from: body)
    }
}
