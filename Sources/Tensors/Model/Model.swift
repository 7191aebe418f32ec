/// A network of layers with its forward pass; Keras's `Model`.
///
/// The ways to make one, as in Keras: `Sequential` for a stack of layers; Keras's functional API,
/// layers called on symbolic inputs and the model made from the inputs and the output (see
/// `init(inputs:outputs:name:)`):
///
/// ```swift
/// let target = Input(shape: [1], dtype: .int32), context = Input(shape: [1], dtype: .int32)
/// let similarity = Dot(axes: 2)([Embedding(inputDim: 5000, outputDim: 64)(target),
///                                Embedding(inputDim: 5000, outputDim: 64)(context)])
/// let skipGram = Model(inputs: [target, context], outputs: ActivationLayer(.sigmoid)(Flatten()(similarity)))
/// ```
///
/// a closure over any number of inputs that may share layers:
///
/// ```swift
/// let target = Embedding(inputDim: 5000, outputDim: 64), context = Embedding(inputDim: 5000, outputDim: 64)
/// let skipGram = Model(layers: [target, context]) { x in
///     sigmoid((target(x[0]) * context(x[1])).sum(alongAxes: [-1]))
/// }
/// ```
///
/// or a subclass that overrides `call(_:)`. `weights` lists each layer's weights once, in the
/// order of `layers`, even when the forward pass calls a layer twice.
open class Model: Layer {
    public let name: String
    /// The layers whose weights the model owns, in the order of its weights.
    public let layers: [any Layer]
    private let forward: (([Tensor]) -> Tensor)?
    /// Each layer's output shape when the model was built, batch size included as Keras shows it.
    var builtOutputShapes: [[Int?]]?
    /// The layer calls of a model made by `Model(inputs:outputs:)`, which `call(_:)` runs.
    var graph: FunctionalGraph?
    /// The optimizer, loss and metrics `compile` set.
    public internal(set) var compiled: Compiled?
    /// Set by a callback to end `fit` after the current batch.
    public var stopTraining = false

    /// A model whose forward pass is `forward`, applied to the list of inputs.
    public init(name: String? = nil, layers: [any Layer], forward: @escaping ([Tensor]) -> Tensor) {
        self.name = name ?? LayerName.unique(for: "Functional")
        self.layers = Self.uniqued(layers)
        self.forward = forward
    }

    /// For subclasses, which override `call(_:)`; the name defaults to the subclass's in snake case.
    public init(name: String? = nil, layers: [any Layer]) {
        self.name = name ?? LayerName.unique(for: String(describing: Self.self))
        self.layers = Self.uniqued(layers)
        self.forward = nil
    }

    open var description: String { "\(String(describing: type(of: self)))(name: \(name), layers: \(layers.count))" }

    /// The forward pass on the model's inputs (one tensor for a single-input model).
    open func call(_ inputs: [Tensor]) -> Tensor {
        if let graph { return graph.run(inputs, modelName: name)[0] }
        guard let forward else {
            fatalError("\(description): a Model subclass overrides call(_:), or the model is made with a forward closure")
        }
        return forward(inputs)
    }

    public func callAsFunction(_ inputs: [Tensor]) -> Tensor {
        call(inputs)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        call([input])
    }

    public var weights: [Tensor] { layers.flatMap(\.weights) }

    public var weightHolders: [any Layer] { layers.flatMap(\.weightHolders) }

    /// Each weight's path, `<layer name>/<weight name>` (`lstm/recurrent_kernel`), as Keras names them;
    /// a nested model's weights keep their own layers' paths.
    public var weightNames: [String] {
        layers.flatMap { layer in (layer as? Model)?.weightNames ?? layer.weightNames.map { layer.name + "/" + $0 } }
    }

    /// Replaces every layer's weights from one list in the order of `weights`; the layers must be
    /// built (called once, or the model built), since their weight counts depend on it.
    public func setWeights(_ weights: [Tensor]) throws {
        let counts = layers.map(\.weights.count)
        guard counts.reduce(0, +) == weights.count else {
            throw LayerError("\(name).setWeights: expected \(counts.reduce(0, +)) weights, got \(weights.count)")
        }
        var start = 0
        for (layer, count) in zip(layers, counts) {
            do {
                try layer.setWeights(Array(weights[start..<start + count]))
            } catch let error as LayerError where count == 0 {
                throw LayerError("\(name).setWeights: \(layer.name) is not built yet (call the model once first): \(error)")
            }
            start += count
        }
    }

    /// The width of `summary()`'s table: Keras's in Jupyter, where there is no terminal to size it by.
    public static let summaryLineLength = 76

    /// Keras's summary table: each layer's name and type, output shape and parameter count (and for
    /// a functional model that is not a plain chain, what each layer is connected to), then the
    /// totals and their size. `lineLength` is the table's width.
    public func summary(lineLength: Int = Model.summaryLineLength) {
        print(summaryText(lineLength: lineLength), terminator: "")
    }

    /// What `summary()` prints.
    public func summaryText(lineLength: Int = Model.summaryLineLength) -> String {
        let rows = graph.map(\.summaryRows) ?? layers.enumerated().map { index, layer in
            let shape = builtOutputShapes.map { ModelSummary.shapeText($0[index]) } ?? "?"
            let built = builtOutputShapes != nil || !layer.weights.isEmpty
            return ModelSummary.Row(name: layer.name, typeName: LayerName.kerasTypeName(of: layer), outputShape: shape,
                                    parameterCount: built ? layer.weights.map(\.scalarCount).reduce(0, +) : nil)
        }
        let parameters = weights.map(\.scalarCount).reduce(0, +)
        return ModelSummary(modelName: name, rows: rows, trainable: .init(parameters: parameters, bytes: 4 * parameters),
                            nonTrainable: .init(), optimizer: summaryOptimizerCount).text(lineLength: lineLength)
    }

    /// The optimizer's variables for the summary's last line, once training has built them
    /// (`iteration` is an int64, the rest float32).
    private var summaryOptimizerCount: ModelSummary.Count? {
        guard let optimizer = compiled?.optimizer, optimizer.iterations > 0 else { return nil }
        let parameters = optimizer.variables.map(\.value.scalarCount).reduce(0, +)
        return ModelSummary.Count(parameters: parameters, bytes: 4 * parameters + 4)
    }

    /// `layers` with each layer once, first use first.
    private static func uniqued(_ layers: [any Layer]) -> [any Layer] {
        var seen = Set<ObjectIdentifier>()
        return layers.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }
}
