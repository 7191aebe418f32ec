import Foundation

/// One call of a layer on symbolic tensors: the layer, the tensors it read, the shapes of what it
/// returns, and how to compute that from concrete inputs; Keras's `Node`.
final class GraphNode {
    let layer: any Layer
    let inputs: [SymbolicTensor]
    /// This call's number among all calls of `layer` on symbolic tensors, in any model (Keras's
    /// node index, the first number of a summary's `dense[0][0]`).
    let index: Int
    /// Each output's shape (nil where unknown) and element type.
    let outputShapes: [[Int?]]
    let outputTypes: [Tensor.DType]
    /// The outputs, computed from concrete values of `inputs`.
    let run: ([Tensor]) -> [Tensor]
    /// Each output's mask (`SymbolicMasking`), nil for none.
    private(set) var outputMasks: [SymbolicTensor?] = []

    private init(layer: any Layer, inputs: [SymbolicTensor], outputShapes: [[Int?]], outputTypes: [Tensor.DType],
                 run: @escaping ([Tensor]) -> [Tensor]) {
        self.layer = layer
        self.inputs = inputs
        self.outputShapes = outputShapes
        self.outputTypes = outputTypes
        self.run = run
        index = Self.nextIndex(for: layer)
        Self.recordLatest(self)
    }

    var outputs: [SymbolicTensor] {
        outputShapes.indices.map { SymbolicTensor(shape: outputShapes[$0], dtype: outputTypes[$0], node: self, outputIndex: $0) }
    }

    /// The mask of output `index`, nil for none.
    func mask(of index: Int) -> SymbolicTensor? {
        index < outputMasks.count ? outputMasks[index] : nil
    }

    /// Whether this is an input's node, which reads nothing.
    var isInput: Bool { layer is InputLayer }

    /// The node that stands for `layer`'s input.
    static func input(_ layer: InputLayer) -> GraphNode {
        GraphNode(layer: layer, inputs: [], outputShapes: [layer.shape], outputTypes: [layer.dtype]) { $0 }
    }

    /// Records a call of `layer` on `arguments`, whose concrete outputs `run` computes.
    ///
    /// A layer with a required input rank checks it first. The outputs' shapes are what the layer
    /// itself gives: it is run (outside training and off the tape) on zeros of the arguments' shapes
    /// with every unknown size 2, then 3; an axis whose size changes between the two is unknown.
    /// This builds the layer, as Keras's symbolic call does. The outputs' masks follow the layer's
    /// `SymbolicMasking`; a layer that reads the mask of its single argument has it as one more input.
    static func call(_ layer: any Layer, on arguments: [SymbolicTensor], run: @escaping ([Tensor]) -> [Tensor]) -> GraphNode {
        if let layer = layer as? any InputRankRequiring, let input = arguments.first {
            trapOnError { try layer.validateRank(of: input) }
        }
        let probes = GraphNode.$callContext.withValue(callContext(of: layer, on: arguments)) {
            Tape.$current.withValue(nil) {
                LearningPhase.$isTraining.withValue(false) {
                    [2, 3].map { size in run(arguments.map { $0.probe(unknownSize: size) }) }
                }
            }
        }
        let outputShapes = zip(probes[0], probes[1]).map { small, large in
            small.rank == large.rank
                ? zip(small.shape.dimensions, large.shape.dimensions).map { $0 == $1 ? $0 : nil }
                : Array(repeating: nil, count: small.rank)
        }
        let masking = layer as? any SymbolicMasking
        let inputMask = arguments.first?.mask
        let readMask = arguments.count == 1 && masking?.readsMask == true ? inputMask : nil
        let node = GraphNode(layer: layer, inputs: arguments + (readMask.map { [$0] } ?? []), outputShapes: outputShapes,
                             outputTypes: probes[0].map(\.dtype)) { values in run(Array(values.prefix(arguments.count))) }
        node.outputMasks = masking?.outputMasks(of: node, inputMask: inputMask) ?? []
        return node
    }

    /// What a layer call on symbolic tensors is doing, added to the message of an error it stops on.
    @TaskLocal static var callContext: String?

    /// `callContext` for the call of `layer` on `inputs`.
    static func callContext(of layer: any Layer, on inputs: [SymbolicTensor]) -> String {
        let shapes = inputs.map { ModelSummary.shapeText($0.shape) }.joined(separator: ", ")
        return "in the call of \(layer.name) (\(LayerName.kerasTypeName(of: layer))) on symbolic input\(inputs.count == 1 ? "" : "s") of shape \(shapes), which runs the layer with 2 for each unknown size to find its output's shape"
    }

    // MARK: Each layer's calls

    /// How many symbolic calls a layer has had, and its latest node (whose shapes a summary shows).
    private final class Calls {
        weak var layer: AnyObject?
        var count = 0
        weak var latest: GraphNode?

        init(layer: AnyObject) {
            self.layer = layer
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var calls: [ObjectIdentifier: Calls] = [:]

    /// The number of the next call of `layer`.
    private static func nextIndex(for layer: any Layer) -> Int {
        lock.withLock {
            let key = ObjectIdentifier(layer)
            // An entry whose layer is gone belongs to an earlier object at the same address.
            if calls[key]?.layer == nil { calls[key] = Calls(layer: layer) }
            calls[key]!.count += 1
            return calls[key]!.count - 1
        }
    }

    private static func recordLatest(_ node: GraphNode) {
        lock.withLock { calls[ObjectIdentifier(node.layer)]?.latest = node }
    }

    /// The latest symbolic call of `layer`, as long as its graph exists.
    static func latestCall(of layer: any Layer) -> GraphNode? {
        lock.withLock { calls[ObjectIdentifier(layer)]?.latest }
    }
}
