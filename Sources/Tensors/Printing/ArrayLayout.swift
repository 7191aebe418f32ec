/// numpy's `array2string` layout with its default options: nested brackets, elements
/// separated by a space, rows wrapped at 75 columns under the opening bracket,
/// `...` in place of the middle of every axis longer than 6 when the array holds more
/// than 1000 elements, and one blank line fewer than the remaining depth between blocks.
struct ArrayLayout {
    static let lineWidth = 75
    static let edgeItems = 3
    static let summaryThreshold = 1000

    let shape: [Int]
    /// Whether the middle of long axes is replaced by `...`.
    let isSummarised: Bool
    private let strides: [Int]

    init(shape: [Int]) {
        self.shape = shape
        self.isSummarised = shape.reduce(1, *) > Self.summaryThreshold
        self.strides = rowMajorStrides(shape)
    }

    /// The row-major offsets of the elements that are printed: all of them, or for a
    /// summarised array only the first and last `edgeItems` along every long axis.
    /// numpy chooses the number format from these values only.
    var shownOffsets: [Int] {
        var offsets: [Int] = []
        func visit(axis: Int, offset: Int) {
            guard axis < shape.count else { return offsets.append(offset) }
            for index in shownIndices(alongAxis: axis) { visit(axis: axis + 1, offset: offset + index * strides[axis]) }
        }
        visit(axis: 0, offset: 0)
        return offsets
    }

    /// The whole array; `element` formats the element at a row-major offset.
    func render(element: (Int) -> String) -> String {
        if shape.contains(0) { return "[]" }
        return render(axis: 0, offset: 0, hangingIndent: " ", width: Self.lineWidth, element: element)
    }

    private func shownIndices(alongAxis axis: Int) -> [Int] {
        let count = shape[axis]
        guard isSummarised && count > 2 * Self.edgeItems else { return Array(0..<count) }
        return Array(0..<Self.edgeItems) + Array((count - Self.edgeItems)..<count)
    }

    /// numpy's `_formatArray` recursion: the sub-array at `offset` spanning the axes from `axis` on.
    private func render(axis: Int, offset: Int, hangingIndent: String, width: Int, element: (Int) -> String) -> String {
        if axis == shape.count { return element(offset) }
        let indices = shownIndices(alongAxis: axis)
        let isElided = indices.count < shape[axis]
        // The items of this axis in order: the shown sub-arrays, with "..." after the leading edge.
        var items: [String] = []
        for (position, index) in indices.enumerated() {
            if isElided && position == Self.edgeItems { items.append("...") }
            items.append(render(axis: axis + 1, offset: offset + index * strides[axis],
                                hangingIndent: hangingIndent + " ", width: width - 1, element: element))
        }

        var text = ""
        if axis == shape.count - 1 {
            // Room for the closing bracket at the end of each line.
            let elementWidth = width - 1
            var line = hangingIndent
            for (position, item) in items.enumerated() {
                extend(&text, line: &line, with: item, width: elementWidth, indent: hangingIndent)
                if position < items.count - 1 { line += " " }
            }
            text += line
        } else {
            let separator = String(repeating: "\n", count: shape.count - axis - 1)
            text = items.map { hangingIndent + $0 }.joined(separator: separator)
        }
        return "[" + text.dropFirst(hangingIndent.utf8.count) + "]"
    }

    /// Appends `word` to `line`, first moving `line` into `text` and starting a new one at
    /// `indent` when the word would pass `width` (unless the line holds nothing yet).
    private func extend(_ text: inout String, line: inout String, with word: String, width: Int, indent: String) {
        let lineLength = line.utf8.count
        if lineLength + word.utf8.count > width && lineLength > indent.utf8.count {
            text += line.trimmingTrailingSpaces() + "\n"
            line = indent
        }
        line += word
    }
}

private extension String {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[..<end]
    }
}
