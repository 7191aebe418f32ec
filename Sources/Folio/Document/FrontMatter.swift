/// The YAML block between `---` lines at the top of a notebook.
///
/// The keys a blog post uses are typed; every other key is kept in `fields` and ignored.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var date: String?
    public var author: String?
    public var emoji: String?
    /// `tags: a b c` (space separated, as the seed post writes them) or a YAML list.
    public var tags: [String] = []
    public var categories: [String] = []
    /// Folio's `seed` key: the notebook's random seed.
    public var seed: UInt64?
    /// Every top-level key as its scalar text (lists joined by spaces), including the typed ones.
    public var fields: [String: String] = [:]
    /// UTF-8 byte range of the block including both `---` lines; empty at 0 when absent.
    public var range: Range<Int> = 0..<0

    public init() {}
}
