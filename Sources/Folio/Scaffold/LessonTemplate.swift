/// The text of a new lesson (`folio new`): front matter, a heading, and a first cell that runs.
public struct LessonTemplate: Hashable, Sendable {
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var author: String?
    public var tags: [String]
    public var seed: UInt64

    public init(title: String, date: String, author: String?, tags: [String] = ["draft"], seed: UInt64 = 42) {
        self.title = title
        self.date = date
        self.author = author
        self.tags = tags
        self.seed = seed
    }

    /// `my-first_lesson` → `My First Lesson`.
    public static func title(fromName name: String) -> String {
        name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    public var text: String {
        var frontMatter = [
            "---",
            "title: \(Self.yamlScalar(title))",
            "date: \(date)",
        ]
        if let author { frontMatter.append("author: \(Self.yamlScalar(author))") }
        frontMatter += [
            "tags: \(tags.joined(separator: " "))",
            "seed: \(seed)",
            "---",
        ]
        return frontMatter.joined(separator: "\n") + """


            # \(title)

            Write the lesson here. Each `swift` block runs in order, as one program; `folio run`
            writes what it prints right under it.

            ```swift
            let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
            print(x.shape)
            ```

            """
    }

    /// Quotes a value when YAML would read it as something other than this plain string.
    private static func yamlScalar(_ value: String) -> String {
        let plain = (value.first.map { $0.isLetter } ?? false)
            && value.last != " "
            && !value.contains(": ") && !value.contains(" #")
            && !["true", "false", "yes", "no", "null", "on", "off"].contains(value.lowercased())
        guard !plain else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
