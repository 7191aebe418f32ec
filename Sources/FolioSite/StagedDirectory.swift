import Foundation

/// A directory built beside its final place and swapped in only once complete, so a failed
/// build leaves the previous contents intact.
struct StagedDirectory {
    /// Where the finished directory goes.
    let destination: URL
    /// Where it is built: a hidden sibling of `destination` (same file system, so renames are atomic).
    let staging: URL

    /// Creates an empty staging directory for `destination`, replacing a leftover one.
    init(for destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).folio-new-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `path` inside the staging directory, creating folders on the way.
    func write(_ bytes: Data, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
    }

    /// Copies the file at `source` to `path` inside the staging directory.
    func copy(_ source: String, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: file)
    }

    /// Puts the staged directory in place of `destination`: the old one is renamed away, the new
    /// one renamed in, then the old one deleted. If the second rename fails, the old one comes back.
    func commit() throws {
        let manager = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).folio-old-\(getpid())")
        try? manager.removeItem(at: old)
        let hadOld = manager.fileExists(atPath: destination.path)
        if hadOld { try manager.moveItem(at: destination, to: old) }
        do {
            try manager.moveItem(at: staging, to: destination)
        } catch {
            if hadOld { try? manager.moveItem(at: old, to: destination) }
            throw error
        }
        if hadOld { try manager.removeItem(at: old) }
    }

    /// Deletes the staging directory after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
