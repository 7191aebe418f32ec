extension UnsafeMutablePointer<Float> {
    /// Sets row j of the (rows, columns) row-major matrix here to `values[j]` in every column:
    /// a per-unit bias laid over a unit-major matrix of the batch.
    func fillRows(with values: UnsafePointer<Float>, rows: Int, columns: Int) {
        for row in 0..<rows { (self + row * columns).update(repeating: values[row], count: columns) }
    }
}
