/// Which timesteps of each sequence in a batch hold real data; Keras's `_keras_mask`.
///
/// `Embedding(maskZero: true)` attaches one to its output (`Tensor.mask`): step t of sequence b is
/// real when its id is not 0. Recurrent layers read it from their input, keep the previous state
/// on masked steps, and pass it on with their sequence output.
public struct SequenceMask: Hashable, Sendable {
    /// The number of sequences.
    public let batchSize: Int
    /// The number of timesteps in each sequence.
    public let timesteps: Int
    /// Row-major (batchSize, timesteps): true where the step is real.
    public let isReal: [Bool]

    public init(batchSize: Int, timesteps: Int, isReal: [Bool]) {
        require(isReal.count == batchSize * timesteps,
                "SequenceMask: (\(batchSize), \(timesteps)) needs \(batchSize * timesteps) flags, got \(isReal.count)")
        self.batchSize = batchSize
        self.timesteps = timesteps
        self.isReal = isReal
    }

    /// Whether step `timestep` of sequence `sequence` holds real data.
    public subscript(sequence: Int, timestep: Int) -> Bool {
        isReal[sequence * timesteps + timestep]
    }

    /// The mask as a (batchSize, timesteps) int32 tensor of 1 (real) and 0 (masked), for printing.
    public var tensor: Tensor {
        Tensor(shape: [batchSize, timesteps], integers: isReal.map { $0 ? 1 : 0 })
    }
}

extension Tensor {
    /// This tensor with `mask` attached (nil removes it).
    public func withMask(_ mask: SequenceMask?) -> Tensor {
        var masked = self
        masked.mask = mask
        return masked
    }
}
