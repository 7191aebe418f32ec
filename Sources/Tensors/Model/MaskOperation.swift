/// An operation Keras records on masks when a functional model is built from symbolic tensors
/// (`compute_mask` calling `ops.not_equal`, `ops.logical_or`, ...): a row of the model's summary,
/// with 0 parameters, that is not one of `model.layers`.
///
/// Tensors carries each mask with its tensor, so these nodes only stand in the graph: their output
/// has the shape Keras's has (the summary's Output Shape), and when the model runs they compute
/// nothing (`FunctionalGraph.run`); the layers that read them ignore their value.
final class MaskOperation: WeightlessLayer {
    enum Kind: Equatable {
        case notEqual, logicalOr, expandDims, zerosLike, onesLike, any
        case concatenate(axis: Int)

        /// The class of Keras's operation, which names it (`not_equal`, `logical_or_1`, ...).
        var kerasName: String {
            switch self {
            case .notEqual: "NotEqual"
            case .logicalOr: "LogicalOr"
            case .expandDims: "ExpandDims"
            case .zerosLike: "ZerosLike"
            case .onesLike: "OnesLike"
            case .any: "Any"
            case .concatenate: "Concatenate"
            }
        }

        /// The operation's output shape from its arguments' (`expand_dims` on the last axis, `any`
        /// over it).
        func outputShape(_ arguments: [TensorShape]) -> TensorShape {
            switch self {
            case .notEqual, .zerosLike, .onesLike:
                return arguments[0]
            case .logicalOr:
                return (try? Broadcasting.shape(arguments[0], arguments[1], for: "logical_or").get()) ?? arguments[0]
            case .expandDims:
                return TensorShape(arguments[0].dimensions + [1])
            case .any:
                return TensorShape(Array(arguments[0].dimensions.dropLast()))
            case .concatenate(let axis):
                var dimensions = arguments[0].dimensions
                let normalized = axis < 0 ? axis + dimensions.count : axis
                dimensions[normalized] = arguments.map { $0.dimensions[normalized] }.reduce(0, +)
                return TensorShape(dimensions)
            }
        }
    }

    let kind: Kind
    let name: String

    private init(_ kind: Kind) {
        self.kind = kind
        name = LayerName.unique(for: kind.kerasName)
    }

    var description: String { "\(kind.kerasName)(name: \(name))" }

    func callAsFunction(_ input: Tensor) -> Tensor { input }

    /// Records a new operation of `kind` on `arguments` and returns its output.
    static func record(_ kind: Kind, on arguments: [SymbolicTensor]) -> SymbolicTensor {
        GraphNode.call(MaskOperation(kind), on: arguments) { values in
            [Tensor(zeros: kind.outputShape(values.map(\.shape)))]
        }.outputs[0]
    }
}
