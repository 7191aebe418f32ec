extension RandomNumberGenerator {
    /// An integer uniform in 0..<bound, without modulo bias (Lemire's multiply-and-reject), defined
    /// in 64-bit integer arithmetic so a seed gives the same draws on every machine.
    mutating func nextIndex(below bound: Int) -> Int {
        require(bound > 0, "nextIndex(below:): bound must be positive, got \(bound)")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let product = next().multipliedFullWidth(by: range)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// 0..<count in a uniformly random order (Fisher and Yates).
    mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        for position in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(position, nextIndex(below: position + 1))
        }
        return order
    }
}
