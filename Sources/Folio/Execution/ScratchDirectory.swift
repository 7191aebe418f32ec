import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private temporary directory for one notebook's program, output and control files.
///
/// Its name carries folio's process id (`folio-run-PID-XXXXXX`), so that a folder left by a folio
/// that was killed (SIGKILL runs no cleanup) is removed by the next one (`Leftovers.removeStale()`).
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("folio-run-\(getpid())-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: NSTemporaryDirectory()])
        }
        path = String(cString: created)
        Leftovers.track(directory: path)
    }

    func remove() {
        Leftovers.remove(directory: path)
    }
}
