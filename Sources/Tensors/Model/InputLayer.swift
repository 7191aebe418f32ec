/// The layer behind a functional model's input, made by `Input(shape:)`: it has no weights and
/// passes the model's input on; Keras's `InputLayer`, which a functional model lists among its layers.
public final class InputLayer: WeightlessLayer {
    public let name: String
    /// The shape of the input, batch axis first (nil where unknown).
    public let shape: [Int?]
    public let dtype: Tensor.DType

    /// An input of samples of `shape` (without the batch axis).
    init(shape: [Int?], dtype: Tensor.DType = .float32, name: String? = nil) {
        require(!shape.contains { ($0 ?? 0) < 0 }, "Input: dimensions must not be negative (nil for unknown), got \(shape)")
        self.name = name ?? LayerName.unique(for: "InputLayer")
        self.shape = [nil] + shape
        self.dtype = dtype
    }

    public var description: String { "InputLayer(name: \(name), shape: \(ModelSummary.shapeText(shape)))" }

    /// `input` itself, once its shape is checked against the declared one.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        trapOnError { try validate(input.shape) }
        return input
    }

    /// Checks that `shape` has the declared rank and size on every known axis.
    func validate(_ shape: TensorShape) throws {
        let fits = shape.rank == self.shape.count && zip(shape.dimensions, self.shape).allSatisfy { size, declared in
            declared.map { $0 == size } ?? true
        }
        if !fits {
            throw LayerError("input '\(name)' expects shape \(ModelSummary.shapeText(self.shape)), got \(shape)")
        }
    }
}
