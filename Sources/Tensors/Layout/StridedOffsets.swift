/// The storage offsets met when walking `dimensions` in row-major order over storage
/// laid out with `strides` (one per dimension; 0 repeats a value along that axis).
/// Transposing permutes strides; broadcasting zeroes them.
func stridedOffsets(dimensions: [Int], strides: [Int]) -> [Int] {
    let count = dimensions.reduce(1, *)
    var offsets: [Int] = []
    offsets.reserveCapacity(count)
    var index = Array(repeating: 0, count: dimensions.count)
    var offset = 0
    for _ in 0..<count {
        offsets.append(offset)
        // Odometer step, last axis fastest.
        var axis = dimensions.count - 1
        while axis >= 0 {
            index[axis] += 1
            offset += strides[axis]
            if index[axis] < dimensions[axis] { break }
            offset -= strides[axis] * index[axis]
            index[axis] = 0
            axis -= 1
        }
    }
    return offsets
}

/// The row-major strides of `dimensions`.
func rowMajorStrides(_ dimensions: [Int]) -> [Int] {
    var strides = Array(repeating: 1, count: dimensions.count)
    for axis in stride(from: dimensions.count - 2, through: 0, by: -1) {
        strides[axis] = strides[axis + 1] * dimensions[axis + 1]
    }
    return strides
}
