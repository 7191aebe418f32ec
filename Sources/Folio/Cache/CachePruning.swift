import Foundation

extension ResultCache {
    /// Deletes every entry whose key is not in `keys` (with `dryRun`, only counts them), then the
    /// folders left empty. Files that are not entries are left alone.
    public func prune(keeping keys: Set<String>, dryRun: Bool = false) throws -> CachePruning {
        var pruning = CachePruning()
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory.path) else { return pruning }
        for folder in try manager.contentsOfDirectory(atPath: directory.path).sorted() where Self.isShardFolder(folder) {
            let folderURL = directory.appendingPathComponent(folder, isDirectory: true)
            let names = try manager.contentsOfDirectory(atPath: folderURL.path)
            var remaining = names.count
            for name in names.sorted() {
                guard let digest = Self.entryDigest(fileName: name, folder: folder) else { continue }
                if keys.contains(digest) {
                    pruning.kept += 1
                    continue
                }
                let file = folderURL.appendingPathComponent(name)
                pruning.removed += 1
                pruning.removedBytes += (try? manager.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                if !dryRun {
                    try manager.removeItem(at: file)
                    remaining -= 1
                }
            }
            if remaining == 0 && !dryRun { try manager.removeItem(at: folderURL) }
        }
        return pruning
    }

    /// Entries live in folders named by the first two hex digits of their key.
    private static func isShardFolder(_ name: String) -> Bool {
        name.count == 2 && name.allSatisfy(\.isHexDigit)
    }

    /// The key of an entry file `<key>.json` in `folder`, or nil for any other file.
    private static func entryDigest(fileName: String, folder: String) -> String? {
        guard fileName.hasSuffix(".json") else { return nil }
        let digest = String(fileName.dropLast(".json".count))
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit), digest.hasPrefix(folder) else { return nil }
        return digest
    }
}

/// What `ResultCache.prune` deleted and kept.
public struct CachePruning: Hashable, Sendable, CustomStringConvertible {
    public var removed = 0
    public var removedBytes = 0
    public var kept = 0

    public var description: String {
        let size = ByteCountFormatter.string(fromByteCount: Int64(removedBytes), countStyle: .file)
        return "\(removed) cache entr\(removed == 1 ? "y" : "ies") (\(size)) no notebook uses; kept \(kept)"
    }
}
