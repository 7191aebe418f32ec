/// An n-dimensional array of float32 or integer values, stored row-major.
///
/// Integer tensors hold what Keras calls `int32` ids (the input of `Embedding`);
/// every arithmetic operation works on float32, so arithmetic on an integer tensor
/// gives a float32 tensor. Layout operations (reshape, transpose, concatenate, reverse,
/// gather, subscript) keep the element type.
///
/// Two tensors are equal when they have the same shape, the same element type and the
/// same values (so, as for `Float`, a tensor holding `nan` is not equal to itself); masks are ignored.
public struct Tensor: Sendable, Equatable {
    /// The element type of a tensor.
    public enum DType: Sendable, Equatable, CustomStringConvertible {
        case float32
        case int32

        public var description: String {
            switch self {
            case .float32: return "float32"
            case .int32: return "int32"
            }
        }
    }

    enum Storage: Sendable, Equatable {
        case float([Float])
        case int([Int32])
    }

    public let shape: TensorShape
    let storage: Storage
    /// The padding mask a layer attached (Keras's `_keras_mask`); see `SequenceMask`. Set by the layers.
    public internal(set) var mask: SequenceMask? = nil
    /// Where this tensor was recorded on the active `Tape`, or nil when no gradient flows through it.
    var tapeReference: TapeReference? = nil
    /// The pre-activation a `sigmoid` or `softmax` output came from (Keras's `_keras_logits`), which
    /// the crossentropy losses use instead of the probabilities, as Keras does.
    var logits: Logits? = nil
    /// For an Embedding's gradient: the per-occurrence rows it sums (Keras's `IndexedSlices`).
    var slices: IndexedSlices? = nil

    /// A float32 tensor of `shape` filled row-major from `scalars`.
    public init(shape: TensorShape, scalars: [Float]) {
        require(shape.scalarCount == scalars.count,
                "Tensor(shape:scalars:): shape \(shape) holds \(shape.scalarCount) values, but \(scalars.count) were given")
        self.shape = shape
        self.storage = .float(scalars)
    }

    /// An int32 tensor of `shape` filled row-major from `integers`.
    public init(shape: TensorShape, integers: [Int32]) {
        require(shape.scalarCount == integers.count,
                "Tensor(shape:integers:): shape \(shape) holds \(shape.scalarCount) values, but \(integers.count) were given")
        self.shape = shape
        self.storage = .int(integers)
    }

    /// A tensor of `shape` over `storage`, whose count the caller has already checked.
    init(shape: TensorShape, storage: Storage) {
        assert(shape.scalarCount == storage.count)
        self.shape = shape
        self.storage = storage
    }

    /// Compares shape, element type and values; a padding mask, tape records, logits and
    /// slices are bookkeeping, not values.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.storage == rhs.storage
    }

    public var dtype: DType {
        switch storage {
        case .float: return .float32
        case .int: return .int32
        }
    }

    /// The values row-major as float32 (integers are converted).
    public var scalars: [Float] {
        switch storage {
        case .float(let values): return values
        case .int(let values): return values.map(Float.init)
        }
    }

    /// The values row-major as integers, or nil for a float32 tensor.
    public var integers: [Int32]? {
        if case .int(let values) = storage { return values }
        return nil
    }

    public var rank: Int { shape.rank }
    public var scalarCount: Int { shape.scalarCount }
}

extension Tensor.Storage {
    var count: Int {
        switch self {
        case .float(let values): return values.count
        case .int(let values): return values.count
        }
    }
}
