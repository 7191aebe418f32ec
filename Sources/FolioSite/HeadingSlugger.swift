/// Gives headings anchor ids the way GitHub does, so links copied from a code host keep working:
/// lowercase, punctuation removed, each space a `-`, letters of every script (Korean too) kept,
/// and a repeated id numbered `-1`, `-2`, ...
struct HeadingSlugger {
    private var used: Set<String> = []

    /// A page-unique id for a heading whose plain text is `text`.
    mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        var number = 0
        while used.contains(candidate) || candidate.isEmpty {
            number += 1
            candidate = base.isEmpty ? "section-\(number)" : "\(base)-\(number)"
        }
        used.insert(candidate)
        return candidate
    }

    private static func baseSlug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic
                        || properties.numericType != nil || properties.generalCategory.isMark {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool {
        switch self {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
