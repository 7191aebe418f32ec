extension Tensor.Storage {
    /// New storage made of the `length` contiguous values starting at each of `starts`, in
    /// order: the one copy loop behind the layout changes (transpose, reverse,
    /// gather, subscript), which keep the element type.
    func gatheringBlocks(startingAt starts: [Int], length: Int) -> Tensor.Storage {
        switch self {
        case .float(let values): return .float(Self.gatherBlocks(of: values, startingAt: starts, length: length))
        case .int(let values): return .int(Self.gatherBlocks(of: values, startingAt: starts, length: length))
        }
    }

    private static func gatherBlocks<Scalar>(of values: [Scalar], startingAt starts: [Int], length: Int) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: starts.count * length) { result, initialized in
            values.withUnsafeBufferPointer { source in
                for (block, start) in starts.enumerated() {
                    (result.baseAddress! + block * length).initialize(from: source.baseAddress! + start, count: length)
                }
            }
            initialized = starts.count * length
        }
    }
}
