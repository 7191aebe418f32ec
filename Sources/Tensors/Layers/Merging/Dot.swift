/// The dot product of two inputs sample by sample, over one axis of each; Keras's `Dot`.
///
/// Inputs (batch, ..., d) and (batch, ..., d) with `axes: [-1, -1]` (or one axis for both) give
/// the first input's shape without that axis followed by the second's without its batch axis and
/// that axis, at least (batch, 1): two (batch, 1, 64) embeddings with `axes: 2` give (batch, 1, 1).
/// With `normalize`, each sample is L2-normalised along its axis first, so the result is the cosine
/// similarity. The batch axis cannot be an axis of the product.
public final class Dot: MergingLayer {
    /// The axis of the first input and the axis of the second.
    public let axes: [Int]
    public let normalize: Bool
    public let name: String

    /// The product over axis `axes` of both inputs.
    public convenience init(axes: Int, normalize: Bool = false, name: String? = nil) {
        self.init(axes: [axes, axes], normalize: normalize, name: name)
    }

    /// The product over axis `axes[0]` of the first input and `axes[1]` of the second.
    public init(axes: [Int], normalize: Bool = false, name: String? = nil) {
        guard axes.count == 2 else { fatalError("Dot: axes must be one axis or two (one per input), got \(axes)") }
        self.axes = axes
        self.normalize = normalize
        self.name = name ?? LayerName.unique(for: "Dot")
    }

    public var description: String {
        "Dot(axes: \(axes[0] == axes[1] ? "\(axes[0])" : "\(axes)")\(normalize ? ", normalize: true" : ""))"
    }

    public func callAsFunction(_ inputs: [Tensor]) -> Tensor {
        let (first, second) = trapOnError { try validatedAxes(inputs) }
        var x = inputs[0], y = inputs[1]
        if normalize {
            x = Self.l2Normalized(x, alongAxis: first)
            y = Self.l2Normalized(y, alongAxis: second)
        }
        let outputShape = TensorShape(x.shape.dimensions.enumerated().filter { $0.offset != first }.map(\.element)
            + y.shape.dimensions.enumerated().filter { $0.offset != 0 && $0.offset != second }.map(\.element))
        // As Keras's batch_dot: x's axis moved last and y's moved to 1, the rest of each flattened,
        // then a batch of (rows, d) · (d, columns) products.
        let batch = x.shape[0], depth = x.shape[first]
        let xLast = Self.moving(x, to: (0..<x.rank).filter { $0 != first } + [first]).reshaped(to: [batch, -1, depth])
        let yFirst = Self.moving(y, to: [0, second] + (1..<y.rank).filter { $0 != second }).reshaped(to: [batch, depth, -1])
        // One vector per sample on each side (word2vec's pairs) is a row-wise sum of products, not
        // a batch of 1 × 1 matrix products.
        let product = xLast.shape[1] == 1 && yFirst.shape[2] == 1
            ? (xLast.reshaped(to: [batch, depth]) * yFirst.reshaped(to: [batch, depth])).sum(alongAxes: [1])
            : matmul(xLast, yFirst)
        return product.reshaped(to: outputShape.rank == 1 ? [batch, 1] : outputShape.dimensions)
    }

    /// Both axes as non-negative indices, once the inputs are checked.
    func validatedAxes(_ inputs: [Tensor]) throws -> (Int, Int) {
        try validateCount(inputs, 2, exact: true)
        let shapes = inputs.map(\.shape)
        guard shapes.allSatisfy({ $0.rank >= 2 }), shapes[0][0] == shapes[1][0] else {
            throw LayerError("\(description) takes two inputs of shape (batch, ...) with the same batch size, got shapes \(Self.shapes(inputs))")
        }
        let normalized = zip(axes, shapes).map { axis, shape in axis < 0 ? axis + shape.rank : axis }
        for (axis, shape) in zip(normalized, shapes) where !(1..<shape.rank).contains(axis) {
            throw LayerError("\(description): axis \(axis) is not an axis of shape \(shape) other than the batch axis")
        }
        guard shapes[0][normalized[0]] == shapes[1][normalized[1]] else {
            throw LayerError("\(description): the inputs' sizes on the product's axes differ: \(shapes[0][normalized[0]]) (axis \(normalized[0]) of \(shapes[0])) and \(shapes[1][normalized[1]]) (axis \(normalized[1]) of \(shapes[1]))")
        }
        return (normalized[0], normalized[1])
    }

    /// `x` with its axes in the order `permutation`, uncopied when that is their order already.
    private static func moving(_ x: Tensor, to permutation: [Int]) -> Tensor {
        permutation == Array(0..<x.rank) ? x : x.transposed(permutation: permutation)
    }

    /// `x` · min(1 / √Σx², 1 / ε) along `axis`: Keras's `normalize` (order 2, ε = 1e-7).
    private static func l2Normalized(_ x: Tensor, alongAxis axis: Int) -> Tensor {
        let inverseNorm = clip(pow((x * x).sum(alongAxes: [axis], keepingDimensions: true), -0.5), min: 0, max: 1e7)
        return x * inverseNorm
    }
}
