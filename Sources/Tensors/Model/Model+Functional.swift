extension Model {
    /// A model that computes `outputs` from `inputs` through the layer calls recorded between them:
    /// Keras's functional API, `keras.Model(inputs, outputs)`.
    ///
    /// ```swift
    /// let target = Input(shape: [1], dtype: .int32), context = Input(shape: [1], dtype: .int32)
    /// let similarity = Dot(axes: 2)([Embedding(inputDim: 5000, outputDim: 64)(target),
    ///                                Embedding(inputDim: 5000, outputDim: 64)(context)])
    /// let skipGram = Model(inputs: [target, context], outputs: Activation(.sigmoid)(Flatten()(similarity)))
    /// ```
    ///
    /// The model takes one tensor per input, in the order of `inputs`. Its `layers` are the
    /// `InputLayer`s and the layers called, each once, in Keras's order (by depth in the graph);
    /// its weights follow that order. The name defaults to Keras's `functional`, `functional_1`, ...
    /// An output that needs a tensor not computed from `inputs` stops the program with a message
    /// naming the layer and the missing input.
    public convenience init(inputs: [SymbolicTensor], outputs: SymbolicTensor, name: String? = nil) {
        let graph = trapOnError { try FunctionalGraph(inputs: inputs, outputs: [outputs]) }
        self.init(name: name ?? LayerName.unique(for: "Functional"), layers: graph.layers)
        self.graph = graph
    }

    /// A functional model of one input.
    public convenience init(inputs: SymbolicTensor, outputs: SymbolicTensor, name: String? = nil) {
        self.init(inputs: [inputs], outputs: outputs, name: name)
    }
}

extension FunctionalGraph {
    /// The rows of Keras's summary of a functional model: each layer with the shapes of its latest
    /// call, and, unless the graph is a plain chain, the tensors each call read.
    var summaryRows: [ModelSummary.Row] {
        let chain = isChain
        return operations.map { layer in
            let calls = nodes.filter { $0.layer === layer }.sorted { $0.index < $1.index }
            // Keras shows the latest call's shapes, even a call made for another model.
            let shapes = (GraphNode.latestCall(of: layer) ?? calls.last!).outputShapes.map(ModelSummary.shapeText)
            var row = ModelSummary.Row(name: layer.name, typeName: LayerName.kerasTypeName(of: layer),
                                       outputShape: shapes.count == 1 ? shapes[0] : "[" + shapes.joined(separator: ", ") + "]",
                                       parameterCount: layer.weights.map(\.scalarCount).reduce(0, +))
            if !chain {
                let tensors = calls.flatMap(\.inputs).map { "\($0.node.layer.name)[\($0.node.index)][\($0.outputIndex)]" }
                row.connectedTo = tensors.isEmpty ? "-" : tensors.joined(separator: ", ")
            }
            return row
        }
    }

    /// Whether each depth holds one call of one tensor and no layer is called twice: a graph
    /// Keras summarises like a `Sequential` model, without `Connected to`.
    private var isChain: Bool {
        let nodes = nodes
        return nodesByDepth.allSatisfy { $0.count == 1 && $0[0].inputs.count <= 1 }
            && Set(nodes.map { ObjectIdentifier($0.layer) }).count == nodes.count
    }
}
