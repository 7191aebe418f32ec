import Foundation

/// The words of a page's own interface (navigation, search, alert titles) in the page's language:
/// Korean for `ko`, English otherwise.
struct InterfaceWords {
    let language: String

    private var isKorean: Bool { language.lowercased().hasPrefix("ko") }

    /// The language of a page: front matter `lang`, else `ko` when most of the words of its prose
    /// are written in Hangul, else `en`.
    static func language(declared: String?, prose: String) -> String {
        if let declared, !declared.isEmpty { return declared }
        var hangul = 0, other = 0
        for word in prose.split(whereSeparator: \.isWhitespace) where word.unicodeScalars.contains(where: \.properties.isAlphabetic) {
            if word.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value) }) {
                hangul += 1
            } else {
                other += 1
            }
        }
        return hangul > other ? "ko" : "en"
    }

    func alertTitle(_ alert: Alert) -> String {
        switch alert {
        case .note: isKorean ? "참고" : "Note"
        case .tip: isKorean ? "팁" : "Tip"
        case .important: isKorean ? "중요" : "Important"
        case .warning: isKorean ? "경고" : "Warning"
        case .caution: isKorean ? "주의" : "Caution"
        }
    }

    /// The accessible name of a task list's checkbox, whose state screen readers announce with it.
    var taskName: String { isKorean ? "할 일" : "Task" }

    /// The words templates receive as `ui.NAME`.
    var templateValues: [String: String] {
        isKorean
            ? ["contents": "목차", "lessons": "강의 목록", "previous": "이전", "next": "다음", "search": "검색",
               "searchHint": "검색하려면 JavaScript가 필요합니다.", "copy": "복사", "copied": "복사됨",
               "source": "Markdown 원본", "notebook": "Jupyter 노트북(.ipynb)"]
            : ["contents": "Contents", "lessons": "Lessons", "previous": "Previous", "next": "Next", "search": "Search",
               "searchHint": "Search needs JavaScript.", "copy": "Copy", "copied": "Copied",
               "source": "Markdown source", "notebook": "Jupyter notebook (.ipynb)"]
    }
}
