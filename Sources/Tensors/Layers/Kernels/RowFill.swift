extension UnsafeMutablePointer<Float> {
    /// Sets row j of the (rows, columns) row-major matrix here to `values[j]` in every column:
    /// a per-unit bias laid over a unit-major matrix of the batch.
    func fillRows(with values: UnsafePointer<Float>, rows: Int, columns: Int) {
        // A plain loop: one vector store per short row, where update(repeating:) is a call per row.
        for row in 0..<rows {
            let value = values[row], start = self + row * columns
            for column in 0..<columns { start[column] = value }
        }
    }
}
