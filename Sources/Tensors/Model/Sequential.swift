/// Layers applied one after another, each to the previous one's output; Keras's `Sequential`.
///
/// ```swift
/// let model = Sequential([
///     Embedding(inputDim: 10000, outputDim: 32, maskZero: true),
///     LSTM(units: 32),
///     Dense(units: 1, activation: .sigmoid),
/// ])
/// ```
///
/// Masks flow from layer to layer (an `Embedding` with `maskZero` makes the next recurrent layer
/// skip padding). The first call builds every layer, as Keras does, and fixes the output shapes
/// `summary()` shows (with that call's batch size, as Keras shows a model built from data);
/// `build(inputShape:)` builds with the batch size unknown (`None`).
public final class Sequential: Model {
    public init(_ layers: [any Layer], name: String? = nil) {
        require(!layers.isEmpty, "Sequential: a model needs at least one layer")
        super.init(name: name ?? LayerName.unique(for: "Sequential"), layers: layers)
    }

    public override func call(_ inputs: [Tensor]) -> Tensor {
        guard inputs.count == 1 else {
            fatalError("\(name): a Sequential model takes one input, got \(inputs.count)")
        }
        var x = inputs[0]
        var shapes: [[Int?]] = []
        for layer in layers {
            x = layer(x)
            shapes.append(x.shape.dimensions)
        }
        if builtOutputShapes == nil { builtOutputShapes = shapes }
        return x
    }

    /// Builds every layer for inputs of `inputShape` (`nil` for the batch size, or any size not
    /// known yet), drawing their weights, without data: Keras's `model.build((None, 100))`. Ids are
    /// assumed when the first layer is an `Embedding`.
    public func build(inputShape: [Int?]) {
        guard builtOutputShapes == nil else { return }
        let concrete = TensorShape(inputShape.map { $0 ?? 1 })
        let input = layers.first is Embedding
            ? Tensor(shape: concrete, integers: [Int32](repeating: 0, count: concrete.scalarCount))
            : Tensor(shape: concrete, scalars: [Float](repeating: 0, count: concrete.scalarCount))
        _ = call([input])
        // An unknown input size stays unknown on the same axis of every output, except on the
        // last axis, which each layer sets itself (features, units).
        builtOutputShapes = builtOutputShapes?.map { shape in
            shape.indices.map { axis in
                axis < shape.count - 1 && axis < inputShape.count && inputShape[axis] == nil ? nil : shape[axis]
            }
        }
    }
}
