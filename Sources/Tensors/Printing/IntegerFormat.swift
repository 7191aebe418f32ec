/// How numpy's `str` writes the integers of one array: right-aligned to the width of
/// the longest shown value (`[[ 3 57 35]]`).
struct IntegerFormat {
    private let width: Int

    init(values: [Int32]) {
        width = values.map { String($0).utf8.count }.max() ?? 0
    }

    func callAsFunction(_ value: Int32) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.utf8.count)) + text
    }
}
