import Foundation

/// Replaces a file's contents so that readers, and a run killed halfway, see either the old file or the
/// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over the file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, keeping an existing file's permission bits (a new file gets
    /// 0644). A symbolic link is followed, so the file it points at is replaced. A read-only file (no
    /// write permission bit set) is refused, even for root: its owner meant it not to change.
    /// On failure the original file is intact and the temporary file is removed.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicWriteError) {
        _ = try replace(path, with: bytes, ifStill: nil)
    }

    /// Replaces the file at `path` with `bytes` as `write` does, but only if it still holds exactly
    /// `expected`: the comparison reads the file again after the new contents are on disk, right before
    /// the rename, so that an edit saved meanwhile is not overwritten. Returns false, leaving the file
    /// alone, when it holds something else.
    public static func replace(_ path: String, with bytes: [UInt8], ifStill expected: [UInt8]) throws(AtomicWriteError) -> Bool {
        try replace(path, with: bytes, ifStill: .some(expected))
    }

    /// Throws when `path` exists and is read-only (no write permission bit set), the refusal `write` makes.
    public static func checkWritable(_ path: String) throws(AtomicWriteError) {
        var status = stat()
        guard stat(resolvingSymbolicLink(path), &status) == 0 else { return }
        let mode = status.st_mode & 0o777
        guard mode & 0o222 == 0 else { return }
        throw AtomicWriteError(path: path, step: "write",
                               reason: "the file is read-only (mode \(String(mode, radix: 8))); make it writable (chmod u+w) to let Folio change it")
    }

    private static func replace(_ path: String, with bytes: [UInt8], ifStill expected: [UInt8]?) throws(AtomicWriteError) -> Bool {
        try checkWritable(path)
        let target = resolvingSymbolicLink(path)
        let directory = (target as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + (target as NSString).lastPathComponent + ".folio-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw AtomicWriteError(path: path, step: "create a temporary file", errno: errno) }
        let temporary = String(cString: template)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            guard fchmod(descriptor, permissions(of: target)) == 0 else {
                throw AtomicWriteError(path: path, step: "set permissions", errno: errno)
            }
            guard fsync(descriptor) == 0 else { throw AtomicWriteError(path: path, step: "flush to disk", errno: errno) }
        }
        // The last look at the file: nothing slower than this read lies between it and the rename.
        if let expected, fileBytes(atPath: target) != expected { return false }
        guard rename(temporary, target) == 0 else { throw AtomicWriteError(path: path, step: "replace the file", errno: errno) }
        renamed = true
        // Make the rename itself durable; the file is already replaced, so a failure here is not reported.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return true
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(AtomicWriteError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicWriteError(path: path, step: "write", errno: errno)
            }
            written += count
        }
    }

    private static func permissions(of path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
    }

    private static func resolvingSymbolicLink(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A failed `AtomicFile.write`: which step failed and the system's reason. The original file is intact.
public struct AtomicWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// What was being done, e.g. "write" or "replace the file".
    public var step: String
    public var reason: String

    init(path: String, step: String, errno: Int32) {
        self.init(path: path, step: step, reason: String(cString: strerror(errno)))
    }

    init(path: String, step: String, reason: String) {
        self.path = path
        self.step = step
        self.reason = reason
    }

    public var description: String { "\(path): error: cannot \(step): \(reason); the file was left unchanged" }
}
