/// The layer calls that lead from a functional model's inputs to its outputs, ordered as Keras's
/// `map_graph` orders them: by depth (the most calls between a node and an output), deepest first,
/// and within a depth by when a walk back from the outputs first met the layer.
struct FunctionalGraph {
    let inputs: [SymbolicTensor]
    let outputs: [SymbolicTensor]
    /// Every node, grouped by depth, deepest (the inputs) first: an order that runs each node
    /// after the nodes it reads.
    let nodesByDepth: [[GraphNode]]
    /// Each layer once, in Keras's order, inputs first: the summary's rows, which include the
    /// operations on masks (`MaskOperation`).
    let operations: [any Layer]
    /// The operations that are layers (`model.layers`): all but those on masks.
    var layers: [any Layer] { operations.filter { !($0 is MaskOperation) } }

    var nodes: [GraphNode] { nodesByDepth.flatMap { $0 } }

    /// The graph from `inputs` to `outputs`, or an error when an output needs a tensor that is
    /// not computed from `inputs`.
    init(inputs: [SymbolicTensor], outputs: [SymbolicTensor]) throws {
        if inputs.isEmpty { throw LayerError("Model(inputs:outputs:): a model needs at least one input") }
        for input in inputs where !input.node.isInput {
            throw LayerError("Model(inputs:outputs:): inputs must be made by Input(shape:), got \(input)")
        }
        for (index, input) in inputs.enumerated() where inputs[..<index].contains(where: { $0.isSame(as: input) }) {
            throw LayerError("Model(inputs:outputs:): input '\(input.node.layer.name)' is listed twice")
        }
        self.inputs = inputs
        self.outputs = outputs

        // A depth-first walk back from the outputs lists the nodes inputs first and numbers the
        // layers in the order it meets them.
        var ordered: [GraphNode] = [], finished = Set<ObjectIdentifier>(), layerOrder: [ObjectIdentifier: Int] = [:]
        func visit(_ node: GraphNode) {
            guard finished.insert(ObjectIdentifier(node)).inserted else { return }
            if layerOrder[ObjectIdentifier(node.layer)] == nil { layerOrder[ObjectIdentifier(node.layer)] = layerOrder.count }
            for input in node.inputs { visit(input.node) }
            ordered.append(node)
        }
        for output in outputs { visit(output.node) }

        // Depths from the outputs back; a shared layer takes the largest depth of its calls.
        var nodeDepths: [ObjectIdentifier: Int] = [:], layerDepths: [ObjectIdentifier: Int] = [:]
        for node in ordered.reversed() {
            let depth = max(nodeDepths[ObjectIdentifier(node), default: 0], layerDepths[ObjectIdentifier(node.layer), default: 0])
            nodeDepths[ObjectIdentifier(node)] = depth
            layerDepths[ObjectIdentifier(node.layer)] = depth
            for parent in node.inputs.map(\.node) {
                nodeDepths[ObjectIdentifier(parent)] = max(depth + 1, nodeDepths[ObjectIdentifier(parent), default: 0])
            }
        }
        // An input no output needs still belongs to the model, at depth 0.
        var allNodes = ordered
        for input in inputs where layerDepths[ObjectIdentifier(input.node.layer)] == nil {
            layerDepths[ObjectIdentifier(input.node.layer)] = 0
            layerOrder[ObjectIdentifier(input.node.layer)] = -1
            nodeDepths[ObjectIdentifier(input.node)] = 0
            allNodes.append(input.node)
        }

        let depths = Set(nodeDepths.values).sorted(by: >)
        nodesByDepth = depths.map { depth in allNodes.filter { nodeDepths[ObjectIdentifier($0)] == depth } }
        var operations: [any Layer] = [], seen = Set<ObjectIdentifier>()
        for node in allNodes where seen.insert(ObjectIdentifier(node.layer)).inserted { operations.append(node.layer) }
        operations.sort { lhs, rhs in
            let (left, right) = (ObjectIdentifier(lhs), ObjectIdentifier(rhs))
            return layerDepths[left]! != layerDepths[right]! ? layerDepths[left]! > layerDepths[right]! : layerOrder[left]! < layerOrder[right]!
        }
        self.operations = operations

        // Every tensor a node reads must be one of the inputs or computed by an earlier node.
        for node in nodesByDepth.joined() where node.isInput && !inputs.contains(where: { $0.node === node }) {
            let needing = ordered.first { $0.inputs.contains { $0.node === node } }.map { "\($0.layer.name) (\(LayerName.kerasTypeName(of: $0.layer)))" } ?? "the output"
            let names = inputs.map { "'\($0.node.layer.name)'" }.joined(separator: ", ")
            throw LayerError("Model(inputs:outputs:): the outputs are not computed from the inputs: \(needing) reads input '\(node.layer.name)' of shape \(ModelSummary.shapeText(node.outputShapes[0])), which is not among the model's inputs (\(names)); add it to inputs")
        }
        let names = operations.map(\.name)
        for (index, name) in names.enumerated() where names[..<index].contains(name) {
            throw LayerError("Model(inputs:outputs:): the name \"\(name)\" is used by \(names.filter { $0 == name }.count) layers of the model; layer names must be unique")
        }
    }

    /// The outputs for concrete `values` of the inputs, one per input in order.
    func run(_ values: [Tensor], modelName: String) -> [Tensor] {
        trapOnError {
            guard values.count == inputs.count else {
                throw LayerError("\(modelName) takes \(inputs.count) input\(inputs.count == 1 ? "" : "s") (\(inputs.map { "'\($0.node.layer.name)'" }.joined(separator: ", "))), got \(values.count)")
            }
            for (input, value) in zip(inputs, values) {
                do {
                    try (input.node.layer as! InputLayer).validate(value.shape)
                } catch let error as LayerError {
                    throw LayerError("\(modelName): \(error)")
                }
            }
        }
        var computed: [ObjectIdentifier: [Tensor]] = [:]
        for (input, value) in zip(inputs, values) { computed[ObjectIdentifier(input.node)] = [value] }
        for node in nodes where computed[ObjectIdentifier(node)] == nil {
            let arguments = node.inputs.map { computed[ObjectIdentifier($0.node)]![$0.outputIndex] }
            // The masks travel with the tensors; the operations on them only stand in the graph.
            computed[ObjectIdentifier(node)] = node.layer is MaskOperation ? [arguments[0]] : node.run(arguments)
        }
        return outputs.map { computed[ObjectIdentifier($0.node)]![$0.outputIndex] }
    }
}
