/// Inputs and labels with one sample per row of each tensor, cut into batches the way Keras cuts
/// arrays: in order, the last batch holding what remains.
struct Samples {
    var inputs: [Tensor]
    var labels: Tensor?

    /// The number of samples, checked to be the same in every tensor.
    let count: Int

    init(inputs: [Tensor], labels: Tensor?, for call: String) {
        let counts = (inputs + (labels.map { [$0] } ?? [])).map { $0.rank == 0 ? 0 : $0.shape[0] }
        trapOnError {
            guard let first = counts.first, counts.allSatisfy({ $0 == first }) else {
                let shapes = inputs.map { "\($0.shape)" } + (labels.map { ["labels \($0.shape)"] } ?? [])
                throw LayerError("\(call): every input and the labels need the same number of samples (first axis), got \(shapes.joined(separator: ", "))")
            }
            if first == 0 { throw LayerError("\(call): there are no samples (the first axis is empty)") }
        }
        self.inputs = inputs
        self.labels = labels
        count = counts[0]
    }

    /// The samples at `indices`, in that order.
    func picking(_ indices: [Int]) -> Samples {
        let picked = Tensor(shape: [indices.count], integers: indices.map { Int32($0) })
        return Samples(inputs: inputs.map { $0.gathering(atIndices: picked) }, labels: labels?.gathering(atIndices: picked), count: indices.count)
    }

    /// Samples 0..<split and split..<count: Keras's `validation_split` takes the end.
    func split(at split: Int) -> (Samples, Samples) {
        (picking(Array(0..<split)), picking(Array(split..<count)))
    }

    /// `order` cut into batches of `size` (the last one smaller when the count does not divide).
    static func batches(of order: [Int], size: Int) -> [[Int]] {
        stride(from: 0, to: order.count, by: size).map { Array(order[$0..<min($0 + size, order.count)]) }
    }

    private init(inputs: [Tensor], labels: Tensor?, count: Int) {
        self.inputs = inputs
        self.labels = labels
        self.count = count
    }
}
