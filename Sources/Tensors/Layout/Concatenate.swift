extension Tensor {
    /// The tensors joined end to end along `axis`; all other dimensions must agree.
    /// The result is int32 when every part is, float32 otherwise.
    public init(concatenating tensors: [Tensor], alongAxis axis: Int = 0) {
        let (newShape, axis) = Tensor.concatenatedShape(of: tensors.map(\.shape), alongAxis: axis).orTrap()
        let isInteger = tensors.allSatisfy { $0.dtype == .int32 }
        let (outer, _) = newShape.outerAndInnerCounts(around: axis)
        // Every part contributes one contiguous run of values per outer block.
        let runs = tensors.map { $0.scalarCount / Swift.max(outer, 1) }
        if isInteger {
            self.init(shape: newShape, storage: .int(Tensor.interleave(tensors.map { $0.integers! }, runs: runs, outer: outer)))
        } else {
            let joined = Tensor(shape: newShape, storage: .float(Tensor.interleave(tensors.map(\.scalars), runs: runs, outer: outer)))
            self = joined.recorded("concatenate", inputs: tensors) { gradient in
                // Each part's gradient is its run of every outer block.
                let incoming = gradient.scalars
                var offset = 0
                return zip(tensors, runs).map { part, run in
                    var values: [Float] = []
                    values.reserveCapacity(part.scalarCount)
                    let width = runs.reduce(0, +)
                    for block in 0..<outer {
                        values += incoming[(block * width + offset)..<(block * width + offset + run)]
                    }
                    offset += run
                    return Tensor(shape: part.shape, scalars: values)
                }
            }
        }
    }

    private static func interleave<Scalar>(_ parts: [[Scalar]], runs: [Int], outer: Int) -> [Scalar] {
        var result: [Scalar] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for block in 0..<outer {
            for (part, run) in zip(parts, runs) {
                result.append(contentsOf: part[(block * run)..<((block + 1) * run)])
            }
        }
        return result
    }

    /// The shape of the concatenation and the normalized axis.
    static func concatenatedShape(of shapes: [TensorShape], alongAxis axis: Int) -> Result<(TensorShape, Int), ShapeError> {
        guard let first = shapes.first else {
            return .failure(ShapeError("concatenate: needs at least one tensor"))
        }
        let normalized: Int
        switch first.normalizedAxis(axis, for: "concatenate") {
        case .success(let value): normalized = value
        case .failure(let error): return .failure(error)
        }
        var dimensions = first.dimensions
        for shape in shapes.dropFirst() {
            var matches = shape.rank == first.rank
            if matches {
                for i in 0..<shape.rank where i != normalized && shape.dimensions[i] != first.dimensions[i] { matches = false }
            }
            guard matches else {
                let listed = shapes.map(\.description).joined(separator: ", ")
                return .failure(ShapeError("concatenate: shapes \(listed) must agree on every axis except axis \(axis)"))
            }
            dimensions[normalized] += shape.dimensions[normalized]
        }
        return .success((TensorShape(dimensions), normalized))
    }
}
