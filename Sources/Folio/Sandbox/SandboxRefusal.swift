/// A sign in a failed cell's output that the sandbox refused something the cell tried, and how to allow it.
struct SandboxRefusal: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case network, write }

    var kind: Kind

    /// How the C library, Foundation and URLSession word a refused connection or write.
    static let signs: [(text: String, kind: Kind)] = [
        ("Network is unreachable", .network), ("Connection refused", .network),
        ("Temporary failure in name resolution", .network), ("Could not resolve host", .network),
        ("hostname could not be found", .network), ("Could not connect to the server", .network),
        ("network connection was lost", .network), ("Address family not supported", .network),
        ("Read-only file system", .write), ("volume is read only", .write), ("EROFS", .write),
    ]

    /// The refusal `output` shows, if any; none for network when `policy` allows it.
    init?(in output: String, policy: SandboxPolicy) {
        guard let sign = Self.signs.first(where: { output.contains($0.text) && !(policy.network && $0.kind == .network) }) else {
            return nil
        }
        kind = sign.kind
    }

    var explanation: String {
        switch kind {
        case .network:
            "the cell ran in Folio's sandbox, which has no network; allow it for this notebook with "
                + "`sandbox: { network: true }` in the front matter, or run with --no-sandbox"
        case .write:
            "the cell ran in Folio's sandbox, where only /tmp is writable (and discarded after the run); "
                + "write to /tmp, or run with --no-sandbox to write elsewhere"
        }
    }
}
