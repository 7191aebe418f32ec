/// A sparse gradient of a table: one row of values per looked-up id, repeats kept apart; Keras's
/// (TensorFlow's) `IndexedSlices`, which an `Embedding` produces.
///
/// The dense gradient sums the rows of each id; optimizers that square gradients (Adam's velocity,
/// RMSprop, Adagrad) square each row before summing, as Keras does.
struct IndexedSlices: Sendable, Equatable {
    /// The table row of each slice.
    let indices: [Int32]
    /// (indices.count, width) row-major.
    let values: [Float]
    let width: Int

    /// These slices followed by `other`'s.
    func appending(_ other: IndexedSlices) -> IndexedSlices {
        IndexedSlices(indices: indices + other.indices, values: values + other.values, width: width)
    }

    /// The dense (tableRows, width) gradient: each row the sum of its slices in order, zeros
    /// elsewhere; a large table is filled on all cores (`TableParts`).
    func dense(tableRows: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: tableRows * width) { table, count in
            let table = table.baseAddress!
            values.withUnsafeBufferPointer { values in
                TableParts.forEach(rows: tableRows, values: tableRows * width) { rows in
                    (table + rows.lowerBound * width).initialize(repeating: 0, count: rows.count * width)
                    for (slice, index) in indices.enumerated() where rows.contains(Int(index)) {
                        let row = table + Int(index) * width, source = values.baseAddress! + slice * width
                        for j in 0..<width { row[j] += source[j] }
                    }
                }
            }
            count = tableRows * width
        }
    }

    /// Adds each slice onto its row of the row-major `table`.
    func addRows(into table: inout [Float]) {
        table.withUnsafeMutableBufferPointer { table in values.withUnsafeBufferPointer { values in
            for (slice, index) in indices.enumerated() {
                let row = table.baseAddress! + Int(index) * width, source = values.baseAddress! + slice * width
                for j in 0..<width { row[j] += source[j] }
            }
        } }
    }

    /// Adds `transform` of each value onto its row of the row-major `table` (Keras's squared slices).
    func addRows(into table: inout [Float], _ transform: (Float) -> Float) {
        for (slice, index) in indices.enumerated() {
            let row = Int(index) * width, source = slice * width
            for j in 0..<width { table[row + j] += transform(values[source + j]) }
        }
    }

    /// The squares of the slices summed per table row (Keras's squared slices), compactly: row r's
    /// sums are at `sums[slots[r] · width ..< (slots[r] + 1) · width]`; `slots[r]` is -1 for a row no
    /// slice touches.
    /// A large table's rows are summed on all cores (`TableParts`), each part its own rows' slots.
    func squaredRowSums(tableRows: Int) -> (slots: [Int32], sums: [Float]) {
        var slots = [Int32](repeating: -1, count: tableRows), rowCount = 0
        for index in indices where slots[Int(index)] < 0 {
            slots[Int(index)] = Int32(rowCount)
            rowCount += 1
        }
        let sums = [Float](unsafeUninitializedCapacity: rowCount * width) { sums, count in
            let sums = sums.baseAddress!
            slots.withUnsafeBufferPointer { slots in values.withUnsafeBufferPointer { values in
                TableParts.forEach(rows: tableRows, values: tableRows * width) { rows in
                    for row in rows where slots[row] >= 0 {
                        (sums + Int(slots[row]) * width).initialize(repeating: 0, count: width)
                    }
                    for (slice, index) in indices.enumerated() where rows.contains(Int(index)) {
                        let target = sums + Int(slots[Int(index)]) * width, source = values.baseAddress! + slice * width
                        for j in 0..<width { target[j] += source[j] * source[j] }
                    }
                }
            } }
            count = rowCount * width
        }
        return (slots, sums)
    }

    /// The same rows with every value passed through `transform`.
    func mapValues(_ transform: (Float) -> Float) -> IndexedSlices {
        IndexedSlices(indices: indices, values: values.map(transform), width: width)
    }
}

/// The input of the `sigmoid` or `softmax` that produced a tensor (Keras's `_keras_logits`).
final class Logits: Sendable {
    let tensor: Tensor
    /// `.sigmoid` or `.softmax`.
    let activation: Activation

    init(_ tensor: Tensor, activation: Activation) {
        self.tensor = tensor
        self.activation = activation
    }
}
