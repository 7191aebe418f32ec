/// A unified diff (`diff -u` style, three lines of context) between two texts, line by line.
public struct UnifiedDiff: Hashable, Sendable {
    /// Lines of context around each change.
    public static let context = 3

    /// The diff text: `---`/`+++` headers, then `@@` hunks; empty when no line differs.
    public var text: String

    /// Diffs `old` against `new`, with `oldLabel`/`newLabel` in the headers; `same` decides whether
    /// two lines are equal (for `folio check`, numbers within the tolerance are).
    public init(old: String, new: String, oldLabel: String, newLabel: String,
                same: (Substring, Substring) -> Bool = { $0 == $1 }) {
        let a = Self.lines(old)
        let b = Self.lines(new)
        let edits = Self.edits(a, b, same: same)
        guard edits.contains(where: { $0.kind != .keep }) else {
            text = ""
            return
        }
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in Self.hunks(edits) {
            let oldStart = hunk.first!.oldLine, newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            text += "@@ -\(Self.range(oldStart, oldCount)) +\(Self.range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .keep: text += " " + b[edit.newLine] + "\n"
                case .delete: text += "-" + a[edit.oldLine] + "\n"
                case .insert: text += "+" + b[edit.newLine] + "\n"
                }
            }
        }
        self.text = text
    }

    private struct Edit {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        /// 0-based line in the old text (for an insert: the old line it goes before).
        var oldLine: Int
        /// 0-based line in the new text (for a delete: the new line it goes before).
        var newLine: Int
    }

    private static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A shortest edit script from a longest common subsequence table (outputs are small).
    private static func edits(_ a: [Substring], _ b: [Substring], same: (Substring, Substring) -> Bool) -> [Edit] {
        var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = same(a[i], b[j]) ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, same(a[i], b[j]) {
                edits.append(Edit(kind: .keep, oldLine: i, newLine: j))
                i += 1; j += 1
            } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
                edits.append(Edit(kind: .delete, oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }

    /// Groups changes with their context; changes closer than twice the context share a hunk.
    private static func hunks(_ edits: [Edit]) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != .keep }
        var hunks: [[Edit]] = []
        var start = max(changed[0] - context, 0)
        var end = min(changed[0] + context, edits.count - 1)
        for index in changed.dropFirst() {
            if index - context > end + 1 {
                hunks.append(Array(edits[start...end]))
                start = index - context
            }
            end = min(index + context, edits.count - 1)
        }
        hunks.append(Array(edits[start...end]))
        return hunks
    }

    /// A hunk range: 1-based start and count; an empty range names the line before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
}
