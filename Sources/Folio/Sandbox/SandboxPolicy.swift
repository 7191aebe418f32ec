import Yams

/// What one notebook's program may do beyond the sandbox's defaults: the front matter key
/// `sandbox`, e.g. `sandbox: { network: true }` for a lesson that downloads its data.
///
/// A pull request can edit a notebook's front matter too, so `folio` names every notebook that
/// relaxes the sandbox, and `--strict-sandbox` ignores the key.
public struct SandboxPolicy: Hashable, Sendable {
    /// The program shares the host's network (DNS, sockets) instead of having none.
    public var network = false

    public init(network: Bool = false) {
        self.network = network
    }

    /// The keys the `sandbox` mapping accepts.
    static let keys = ["network"]

    /// The policy `document`'s front matter asks for; an unknown key or a value that is not a
    /// boolean is an error naming the file.
    public init(of document: Document) throws(ExecutorError) {
        guard let text = document.frontMatter.fields["sandbox"] else { return }
        let problem = ExecutorError(path: document.path, message:
            "front matter 'sandbox' must be a mapping such as `sandbox: { network: true }` (keys: \(Self.keys.joined(separator: ", ")))")
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: text) else { throw problem }
        for (key, value) in mapping {
            guard let name = key.string, Self.keys.contains(name) else {
                throw ExecutorError(path: document.path, message:
                    "front matter 'sandbox' has an unknown key '\(key.string ?? "?")' (known: \(Self.keys.joined(separator: ", ")))")
            }
            guard let allowed = value.bool else {
                throw ExecutorError(path: document.path, message: "front matter 'sandbox.\(name)' must be true or false")
            }
            network = allowed
        }
    }

    /// What this policy allows beyond the defaults, for the note naming a relaxed notebook; nil when nothing.
    public var relaxations: String? {
        network ? "network" : nil
    }
}
