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
    func squaredRowSums(tableRows: Int) -> (slots: [Int32], sums: [Float]) {
        var slots = [Int32](repeating: -1, count: tableRows), rowCount = 0
        for index in indices where slots[Int(index)] < 0 {
            slots[Int(index)] = Int32(rowCount)
            rowCount += 1
        }
        var sums = [Float](repeating: 0, count: rowCount * width)
        sums.withUnsafeMutableBufferPointer { sums in values.withUnsafeBufferPointer { values in
            for (slice, index) in indices.enumerated() {
                let target = sums.baseAddress! + Int(slots[Int(index)]) * width, source = values.baseAddress! + slice * width
                for j in 0..<width { target[j] += source[j] * source[j] }
            }
        } }
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
