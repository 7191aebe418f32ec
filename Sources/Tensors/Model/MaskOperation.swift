/// An operation Keras records on masks when a functional model is built from symbolic tensors: a
/// row of the model's summary (0 parameters) that is not one of `model.layers`.
///
/// Tensors carries each mask with its tensor, so these nodes compute nothing: they pass their
/// first input on, and the layers that read them ignore its value.
protocol MaskOperation: WeightlessLayer {}

extension MaskOperation {
    var description: String { "\(LayerName.kerasTypeName(of: self))(name: \(name))" }

    func callAsFunction(_ input: Tensor) -> Tensor { input }
}

/// `ops.not_equal(ids, 0)`: the mask an `Embedding(maskZero: true)` computes from its ids.
final class NotEqual: MaskOperation {
    let name = LayerName.unique(for: "NotEqual")
}

/// `ops.logical_or(a, b)`: how `Add` and `Multiply` combine two of their inputs' masks.
final class LogicalOr: MaskOperation {
    let name = LayerName.unique(for: "LogicalOr")
}
