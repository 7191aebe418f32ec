extension Document {
    /// The document's bytes with new output blocks: `outputs[i]` is the output text of cell `i`.
    ///
    /// A cell missing from `outputs` keeps its block untouched. An empty text removes the cell's block
    /// (and the blank lines before it); other text replaces the block's fences and content, or inserts a
    /// new block right after the cell, one blank line between (none in a tight list), in the cell's container (see
    /// `OutputBlockLayout`). A block already holding the text is left as it is, so splicing the same
    /// outputs twice gives the same bytes. No byte outside output blocks changes, and reading the result
    /// back gives each cell's output as `OutputBlock.normalizedText` of the text given. Indices that are
    /// not cells are ignored.
    public func splicing(_ outputs: [Int: String]) -> [UInt8] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for (index, output) in outputs where cells.indices.contains(index) {
            let cell = cells[index]
            let text = OutputBlock.normalizedText(output)
            switch (cell.output, text.isEmpty) {
            case (let existing?, true):
                edits.append((existing.range, []))
            case (let existing?, false) where existing.text != text:
                // Keep the blank lines the author left between cell and block; rewrite the block itself.
                let blockStart = lines.start(ofLine: existing.fenceLine)
                edits.append((blockStart..<existing.range.upperBound, OutputBlockLayout(for: cell, in: self).block(text)))
            case (nil, false):
                let closingFenceEnd = lines.contentEnd(ofLine: closingFenceLine(of: cell))
                let insertion = OutputBlockLayout(for: cell, in: self).insertion(text, inTightListItem: cell.isInTightListItem)
                edits.append((closingFenceEnd..<closingFenceEnd, insertion))
            default:
                continue
            }
        }
        return applying(edits)
    }

    /// The document's bytes without any output block (nor the blank lines before each); nothing else changes.
    public func cleaned() -> [UInt8] {
        splicing(Dictionary(uniqueKeysWithValues: cells.filter { $0.output != nil }.map { ($0.index, "") }))
    }
}
