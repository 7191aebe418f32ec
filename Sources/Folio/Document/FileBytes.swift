import Foundation

/// The whole contents of the file at `path`, read with plain system calls (no caching, no mapping),
/// so two reads in a row see what is on disk each time; nil with `errno` set when it cannot be read.
func fileBytes(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { break }
        if count < 0 {
            if errno == EINTR { continue }
            let readError = errno
            close(descriptor)
            errno = readError
            return nil
        }
        bytes += chunk[..<count]
    }
    close(descriptor)
    return bytes
}
