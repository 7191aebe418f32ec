/// A tensor a functional model will compute, known only by its shape and element type: what
/// `Input(shape:)` returns and what a layer returns when called on one; Keras's `KerasTensor`.
///
/// ```swift
/// let ids = Input(shape: [100], dtype: .int32)
/// let features = LSTM(units: 32)(Embedding(inputDim: 10000, outputDim: 32)(ids))
/// let model = Model(inputs: ids, outputs: Dense(units: 1, activation: .sigmoid)(features))
/// ```
///
/// Calling a layer on symbolic tensors builds the layer (draws its weights) and records the call
/// in the graph that `Model(inputs:outputs:)` runs. Each call of a layer is a new node, so calling
/// one layer twice shares its weights, as in Keras.
public struct SymbolicTensor: CustomStringConvertible {
    /// The dimensions, nil where unknown; the first is the batch size, always nil.
    public let shape: [Int?]
    public let dtype: Tensor.DType
    /// The layer call that produces this tensor, and which of its outputs it is.
    let node: GraphNode
    let outputIndex: Int

    /// The mask Keras attaches to this tensor (`_keras_mask`), e.g. an `Embedding(maskZero: true)`'s
    /// `NotEqual`; nil for none.
    var mask: SymbolicTensor? { node.mask(of: outputIndex) }

    public var description: String {
        "SymbolicTensor(shape: \(ModelSummary.shapeText(shape)), dtype: \(dtype), from: \(node.layer.name)[\(node.index)][\(outputIndex)])"
    }

    /// Whether both stand for the same output of the same layer call.
    func isSame(as other: SymbolicTensor) -> Bool {
        node === other.node && outputIndex == other.outputIndex
    }

    /// A concrete tensor of this shape filled with zeros, each unknown dimension `unknownSize`
    /// long: what a layer is run on to learn its output's shape.
    func probe(unknownSize: Int) -> Tensor {
        let shape = TensorShape(shape.map { $0 ?? unknownSize })
        return dtype == .int32
            ? Tensor(shape: shape, integers: [Int32](repeating: 0, count: shape.scalarCount))
            : Tensor(shape: shape, scalars: [Float](repeating: 0, count: shape.scalarCount))
    }
}

/// A symbolic input of a functional model: samples of `shape` (without the batch axis, which is
/// unknown; nil for any other axis of unknown size) and element type `dtype`; Keras's
/// `keras.Input`. Its `InputLayer` is named `name`, by default `input_layer`, `input_layer_1`, ...
public func Input(shape: [Int?], dtype: Tensor.DType = .float32, name: String? = nil) -> SymbolicTensor {
    GraphNode.input(InputLayer(shape: shape, dtype: dtype, name: name)).outputs[0]
}
