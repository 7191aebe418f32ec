import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately raw HTTP/1.1 client for 127.0.0.1: it sends the request target byte for byte
/// (no `..` normalisation, unlike URLSession), which is what a traversal test needs. Every read
/// has a timeout, so a broken server fails a test instead of hanging it.
struct LoopbackClient {
    let port: Int

    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `GET target` with `Connection: close`, read to the end.
    func get(_ target: String) async throws -> Response {
        try await offThePool {
            let connection = try Connection(port: port, target: target)
            var received = ""
            let deadline = Date().addingTimeInterval(15)
            while let chunk = try connection.read() {
                received += chunk
                guard Date() < deadline else { throw Failure(description: "response to \(target) never ended: \(received)") }
            }
            guard let split = received.range(of: "\r\n\r\n") else { throw Failure(description: "no response head: \(received)") }
            let head = String(received[..<split.lowerBound])
            let statusText = head.split(separator: " ").dropFirst().first ?? ""
            guard let status = Int(statusText) else { throw Failure(description: "bad status line: \(head)") }
            return Response(status: status, head: head, body: String(received[split.upperBound...]))
        }
    }

    /// Opens `GET target` and keeps reading; see `EventStream`.
    func openEventStream(_ target: String) async throws -> EventStream {
        try await offThePool { EventStream(connection: try Connection(port: port, target: target)) }
    }

    /// An open streaming response.
    final class EventStream: @unchecked Sendable {
        private let connection: Connection
        private(set) var received = ""

        fileprivate init(connection: Connection) {
            self.connection = connection
        }

        /// Reads until `text` has arrived (counting what arrived before), or throws after `timeout`.
        func waitFor(_ text: String, occurrence: Int = 1, timeout: TimeInterval = 15) async throws {
            try await offThePool { [self] in
                let deadline = Date().addingTimeInterval(timeout)
                while received.components(separatedBy: text).count - 1 < occurrence {
                    guard Date() < deadline else { throw Failure(description: "no '\(text)' within \(timeout) s; got: \(received)") }
                    guard let chunk = try connection.read() else { throw Failure(description: "stream closed; got: \(received)") }
                    received += chunk
                }
            }
        }

        func close() { connection.close() }
    }

    /// One TCP connection with a request already sent.
    fileprivate final class Connection: @unchecked Sendable {
        private let socket: Int32
        private var isOpen = true

        init(port: Int, target: String) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw Failure(description: "socket() failed") }
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                Glibc.close(socket)
                throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
            }
            let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == request.count else {
                Glibc.close(socket)
                throw Failure(description: "send failed")
            }
        }

        /// The next bytes as text, "" when none arrived within a second, nil at end of stream.
        func read() throws -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 { return String(decoding: buffer[..<count], as: UTF8.self) }
            if count == 0 { return nil }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return "" }
            throw Failure(description: "recv failed: errno \(errno)")
        }

        func close() {
            guard isOpen else { return }
            isOpen = false
            Glibc.close(socket)
        }

        deinit { close() }
    }
}

/// Runs blocking socket work on a plain thread, so it never ties up the concurrency pool the
/// server's handlers need.
private func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
