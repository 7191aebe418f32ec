internal import CKernels
import Dispatch
import Foundation

/// Turns integer ids into dense vectors by looking each id up in a trainable table; Keras's `Embedding`.
///
/// Input: ids of any shape with values in 0..<inputDim. Output: the input's shape plus `outputDim`.
/// With `maskZero: true`, id 0 means padding: the output carries a `SequenceMask` (false where the
/// id is 0) that the next recurrent layer uses to skip those steps, as Keras's `mask_zero=True`.
public final class Embedding: Layer {
    /// The vocabulary size: ids must be below it.
    public let inputDim: Int
    /// The length of each embedding vector.
    public let outputDim: Int
    /// Whether id 0 is padding that later layers should skip.
    public let maskZero: Bool
    public let name: String

    /// (inputDim, outputDim) row-major; empty until built.
    var embeddings: [Float] = []

    public init(inputDim: Int, outputDim: Int, maskZero: Bool = false, name: String? = nil) {
        require(inputDim > 0 && outputDim > 0,
                "Embedding: inputDim and outputDim must be positive, got inputDim: \(inputDim), outputDim: \(outputDim)")
        self.inputDim = inputDim
        self.outputDim = outputDim
        self.maskZero = maskZero
        self.name = name ?? LayerName.unique(for: "Embedding")
    }

    public var description: String { "Embedding(inputDim: \(inputDim), outputDim: \(outputDim))" }

    private var weightSpecs: [WeightSpec] { [WeightSpec(name: "embeddings", shape: [inputDim, outputDim])] }

    public var weightNames: [String] { embeddings.isEmpty ? [] : weightSpecs.map(\.name) }

    public var weights: [Tensor] {
        embeddings.isEmpty ? [] : [Tensor(shape: [inputDim, outputDim], scalars: embeddings)]
    }

    public func setWeights(_ weights: [Tensor]) throws {
        try weightSpecs.validate(weights, for: description)
        embeddings = weights[0].scalars
    }

    /// Draws the table from `RandomUniform(−0.05, 0.05)`; the table does not depend on the input.
    public func build() {
        guard embeddings.isEmpty else { return }
        embeddings = RandomUniform()([inputDim, outputDim]).scalars
    }

    /// Outputs of at least this many floats (4 MiB) are copied on all the engine's threads; smaller ones on the caller's.
    static let parallelCopyThreshold = 1 << 20

    public func callAsFunction(_ input: Tensor) -> Tensor {
        let ids = trapOnError { try validatedIds(input) }
        build()
        let width = outputDim
        let output = [Float](unsafeUninitializedCapacity: ids.count * width) { buffer, initialized in
            embeddings.withUnsafeBufferPointer { table in
                ids.withUnsafeBufferPointer { ids in
                    let destination = buffer.baseAddress!, source = table.baseAddress!
                    // Large lookups are bound by copying and first-touch page faults: one slice of rows per core.
                    let slices = ids.count * width >= Self.parallelCopyThreshold ? BLASThreads.count : 1
                    DispatchQueue.concurrentPerform(iterations: slices) { slice in
                        let rows = (ids.count * slice / slices)..<(ids.count * (slice + 1) / slices)
                        folio_gather_rows(source, ids.baseAddress! + rows.lowerBound, rows.count, width,
                                          destination + rows.lowerBound * width)
                    }
                }
            }
            initialized = ids.count * width
        }
        var result = Tensor(shape: TensorShape(input.shape.dimensions + [width]), scalars: output)
        if let tape = Tape.current { result = recordLookup(result, ids: ids, on: tape) }
        guard maskZero else { return result }
        return result.withMask(SequenceMask(batchSize: input.shape[0], timesteps: input.shape[1], isReal: ids.map { $0 != 0 }))
    }

    /// The ids of `input` row-major, or an error naming the first id outside 0..<inputDim.
    func validatedIds(_ input: Tensor) throws -> [Int32] {
        let ids = try wholeNumberIds(input)
        if let bad = ids.firstIndex(where: { $0 < 0 || Int($0) >= inputDim }) {
            throw LayerError("\(description): id \(ids[bad]) at \(position(bad, in: input.shape)) of input shape \(input.shape) is outside 0..<\(inputDim); make inputDim larger than the largest id")
        }
        if maskZero && input.rank != 2 {
            throw LayerError("\(description) with maskZero: true needs ids of shape (batch, timesteps), got shape \(input.shape)")
        }
        return ids
    }

    /// The values of `input` as ids: integers as they are, floats when they are whole numbers (Keras casts them).
    private func wholeNumberIds(_ input: Tensor) throws -> [Int32] {
        if let integers = input.integers { return integers }
        let scalars = input.scalars
        if let fraction = scalars.firstIndex(where: { $0.rounded(.towardZero) != $0 || !$0.isFinite }) {
            throw LayerError("\(description): ids must be whole numbers, got \(scalars[fraction]) at \(position(fraction, in: input.shape))")
        }
        // Out-of-range values are caught by the range check; clamp so the conversion cannot trap.
        return scalars.map { Int32(Swift.max(-1, Swift.min($0, Float(inputDim)))) }
    }

    /// The multi-index of flat position `offset` in `shape`, printed like `[0, 2]`.
    private func position(_ offset: Int, in shape: TensorShape) -> String {
        var remainder = offset
        var index = [Int](repeating: 0, count: shape.rank)
        for axis in stride(from: shape.rank - 1, through: 0, by: -1) where shape[axis] > 0 {
            index[axis] = remainder % shape[axis]
            remainder /= shape[axis]
        }
        return "index [" + index.map(String.init).joined(separator: ", ") + "]"
    }
}
