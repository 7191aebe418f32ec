extension Document {
    /// Splices `results` into the document: each run cell's output block (see `splicing(_:)`), then its
    /// figure lines (see `splicingFigures(_:)`); cells that did not run keep theirs.
    public func splicing(results: [CellResult]) throws(DocumentError) -> [UInt8] {
        let ran = zip(cells, results).filter { $0.1.status != .notRun }
        let withOutputs = splicing(Dictionary(uniqueKeysWithValues: ran.map { ($0.0.index, $0.1.text) }))
        return try Document(path: path, bytes: withOutputs)
            .splicingFigures(Dictionary(uniqueKeysWithValues: ran.map { ($0.0.index, $0.1.figures) }))
    }
}
