/// The mask an `Embedding(maskZero: true)` computes from its ids when called on a symbolic tensor:
/// Keras records `ops.not_equal(ids, 0)` as an operation of the graph, which a functional model's
/// summary lists (`not_equal (NotEqual)`, 0 parameters) but `model.layers` does not.
///
/// Tensors carries the mask with the embedding's output, so this node computes nothing: it passes
/// the ids on, and the layers that read it ignore its value.
final class NotEqual: WeightlessLayer {
    let name = LayerName.unique(for: "NotEqual")

    var description: String { "NotEqual(name: \(name))" }

    func callAsFunction(_ input: Tensor) -> Tensor { input }
}
