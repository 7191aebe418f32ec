extension Tensor {
    /// The tensor with the order of its slices along `axis` reversed (how a backward
    /// RNN reads a sequence).
    public func reversed(alongAxis axis: Int) -> Tensor {
        let axis = shape.normalizedAxis(axis, for: "reverse").orTrap()
        let count = shape.dimensions[axis]
        let (outer, inner) = shape.outerAndInnerCounts(around: axis)
        var starts: [Int] = []
        starts.reserveCapacity(outer * count)
        for block in 0..<outer {
            for slice in (0..<count).reversed() { starts.append((block * count + slice) * inner) }
        }
        return Tensor(shape: shape, storage: storage.gatheringBlocks(startingAt: starts, length: inner))
            .recorded("reverse", inputs: [self]) { gradient in [gradient.reversed(alongAxis: axis)] }
    }
}
