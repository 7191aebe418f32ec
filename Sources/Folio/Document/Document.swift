/// A notebook: the Markdown bytes as written, with its front matter and code cells located.
public struct Document: Sendable {
    /// The path used in messages (`file.md:12: ...`).
    public var path: String
    /// The file's bytes, exactly as read.
    public var bytes: [UInt8]
    public var frontMatter: FrontMatter
    public var cells: [Cell]
}
