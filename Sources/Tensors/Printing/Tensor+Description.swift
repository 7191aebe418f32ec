extension Tensor: CustomStringConvertible {
    /// The values as numpy's `str` writes an array of the same dtype and shape:
    /// `[[ 3 57 35]]`, `[1.5 2. ]`, `1.5` for a scalar, `...` beyond 1000 elements.
    public var description: String {
        if rank == 0 {
            switch storage {
            case .float(let values): return FloatFormat.scalar(values[0])
            case .int(let values): return String(values[0])
            }
        }
        let layout = ArrayLayout(shape: shape.dimensions)
        switch storage {
        case .float(let values):
            let format = FloatFormat(values: layout.shownOffsets.map { values[$0] })
            return layout.render { format(values[$0]) }
        case .int(let values):
            let format = IntegerFormat(values: layout.shownOffsets.map { values[$0] })
            return layout.render { format(values[$0]) }
        }
    }
}
