import Folio
import Foundation

/// Finds notebooks that were saved since the last look, by polling their modification time and size.
///
/// Polling is portable (no inotify/FSEvents difference) and cheap at a few hundred notebooks every
/// 300 ms. New notebooks under a watched folder count as changed; deleted ones are forgotten.
struct NotebookWatcher: Sendable {
    /// Files and folders, as `folio preview` was given them.
    let paths: [String]

    /// What identifies one saved version of a file.
    struct Stamp: Hashable, Sendable {
        var modified: Date
        var size: Int
    }

    typealias Snapshot = [String: Stamp]

    func snapshot() -> Snapshot {
        let notebooks = (try? NotebookPaths.expand(paths)) ?? []
        var snapshot: Snapshot = [:]
        for path in notebooks {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let modified = attributes[.modificationDate] as? Date,
                  let size = attributes[.size] as? Int
            else { continue }
            snapshot[path] = Stamp(modified: modified, size: size)
        }
        return snapshot
    }

    /// The notebooks of `current` that are new or different in `previous`, sorted.
    static func changes(from previous: Snapshot, to current: Snapshot) -> [String] {
        current.filter { path, stamp in previous[path] != stamp }.keys.sorted()
    }
}
