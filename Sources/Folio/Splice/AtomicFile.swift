import Foundation

/// Replaces a file's contents so that readers, and a run killed halfway, see either the old file or the
/// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over the file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, keeping an existing file's permission bits (a new file gets
    /// 0644). A symbolic link is followed, so the file it points at is replaced.
    /// On failure the original file is intact and the temporary file is removed.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicWriteError) {
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
        guard rename(temporary, target) == 0 else { throw AtomicWriteError(path: path, step: "replace the file", errno: errno) }
        renamed = true
        // Make the rename itself durable; the file is already replaced, so a failure here is not reported.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
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
        self.path = path
        self.step = step
        self.reason = String(cString: strerror(errno))
    }

    public var description: String { "\(path): error: cannot \(step): \(reason); the file was left unchanged" }
}
