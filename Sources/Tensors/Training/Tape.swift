import Foundation

/// Where a tensor was recorded: the tape and the node that produced it.
struct TapeReference: Sendable, Equatable {
    let tape: Int
    let node: Int
}

/// The record of one `valueWithGradient` call: each differentiable operation applied to a tracked
/// tensor, in the order it ran, with its backward pass; reverse mode walks it from the loss back.
///
/// Recording is on only inside `valueWithGradient`'s body (`Tape.current`); outside it, operations
/// and layers check one task-local value and run exactly as before. Layers record one node per call
/// whose backward pass also adds the weights' gradients into the tape (`accumulate`), so a layer
/// called twice accumulates, as in Keras. Nodes hold no reference to the tape (a tensor holds the
/// tape's number), so a tape and everything it keeps are freed when `valueWithGradient` returns.
final class Tape: @unchecked Sendable {
    /// The tape recording on this thread or task, if any.
    @TaskLocal static var current: Tape?

    /// One recorded operation. `inputs` are the nodes of its tracked operands (nil for a constant);
    /// `backward` maps the gradient of its output to one gradient per operand (nil: none), and is
    /// nil for a leaf (a tensor being differentiated with respect to).
    struct Node {
        let name: String
        let inputs: [Int?]
        let backward: ((Tensor) -> [Tensor?])?
    }

    /// The gradient of one weight, summed over every call of the layer that holds it.
    struct WeightGradient {
        var values: [Float]
        /// For an embedding table: every looked-up row's gradient, one per occurrence.
        var slices: IndexedSlices?
    }

    private static let numbering = NSLock()
    nonisolated(unsafe) private static var lastID = 0

    let id: Int
    private(set) var nodes: [Node] = []
    private var weightGradients: [ObjectIdentifier: [Int: WeightGradient]] = [:]

    init() {
        _ = HeapRetention.isEnabled
        id = Tape.numbering.withLock {
            Tape.lastID += 1
            return Tape.lastID
        }
    }

    /// The node of `tensor` on this tape, or nil when it is not tracked here.
    func node(of tensor: Tensor) -> Int? {
        guard let reference = tensor.tapeReference, reference.tape == id else { return nil }
        return reference.node
    }

    /// Appends a node and returns `output` marked as its result.
    func record(_ name: String, inputs: [Int?], output: Tensor, backward: ((Tensor) -> [Tensor?])?) -> Tensor {
        nodes.append(Node(name: name, inputs: inputs, backward: backward))
        var marked = output
        marked.tapeReference = TapeReference(tape: id, node: nodes.count - 1)
        return marked
    }

    /// Adds `gradient` (shaped like the weight, Keras's layout) to weight `index` of `layer`.
    func accumulate(_ gradient: [Float], into layer: AnyObject, weight index: Int) {
        weightGradients[ObjectIdentifier(layer), default: [:]][index, default: WeightGradient(values: [], slices: nil)].add(gradient)
    }

    /// Adds per-occurrence rows to weight `index` of `layer`, whose dense gradient is (rows, slices.width).
    func accumulate(_ slices: IndexedSlices, into layer: AnyObject, weight index: Int, rows: Int) {
        let key = ObjectIdentifier(layer)
        // Taken out of the dictionary, so that adding to it does not copy the table.
        guard var gradient = weightGradients[key]?.removeValue(forKey: index) else {
            weightGradients[key, default: [:]][index] = WeightGradient(values: slices.dense(tableRows: rows), slices: slices)
            return
        }
        slices.addRows(into: &gradient.values)
        gradient.slices = gradient.slices.map { $0.appending(slices) } ?? slices
        weightGradients[key, default: [:]][index] = gradient
    }

    /// The summed gradient of weight `index` of `layer`, or nil when no call of it reached the loss.
    func gradient(of layer: AnyObject, weight index: Int) -> WeightGradient? {
        weightGradients[ObjectIdentifier(layer)]?[index]
    }

    /// Runs every backward pass from `root` (seeded with `seed`) down to the first node, and returns
    /// the gradient that reached each leaf node.
    func propagate(from root: Int, seed: Tensor) -> [Int: Tensor] {
        var gradients = [Tensor?](repeating: nil, count: nodes.count)
        gradients[root] = seed
        var leaves: [Int: Tensor] = [:]
        for index in stride(from: root, through: 0, by: -1) {
            guard let gradient = gradients[index] else { continue }
            gradients[index] = nil
            let node = nodes[index]
            guard let backward = node.backward else {
                leaves[index] = gradient
                continue
            }
            for (input, inputGradient) in zip(node.inputs, backward(gradient)) {
                guard let input, let inputGradient else { continue }
                gradients[input] = gradients[input].map { Tensor.sum($0, inputGradient) } ?? inputGradient
            }
        }
        return leaves
    }
}

extension Tape.WeightGradient {
    mutating func add(_ gradient: [Float]) {
        if values.isEmpty {
            values = gradient
        } else {
            for i in values.indices { values[i] += gradient[i] }
        }
    }
}

extension Tensor {
    /// This tensor as the output of operation `name` when a tape is recording and one of `inputs`
    /// is tracked on it; else unchanged. `backward` maps this tensor's gradient to the inputs'.
    func recorded(_ name: String, inputs: [Tensor], backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        guard let tape = Tape.current else { return self }
        let nodes = inputs.map(tape.node(of:))
        guard nodes.contains(where: { $0 != nil }) else { return self }
        return tape.record(name, inputs: nodes, output: self, backward: backward)
    }

    /// This tensor as the output of `name`, which has no gradient: reaching it is an error naming
    /// the operation, never a silent zero.
    func recordedWithoutGradient(_ name: String, input: Tensor, reason: String) -> Tensor {
        recorded(name, inputs: [input]) { _ in
            fatalError("valueWithGradient: the gradient reaches \(name), which has none (\(reason)); compute the loss from differentiable operations")
        }
    }

    /// The elementwise sum of two gradients of one shape, off the tape.
    static func sum(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
        var values = lhs.scalars
        let other = rhs.scalars
        for i in values.indices { values[i] += other[i] }
        return Tensor(shape: lhs.shape, scalars: values)
    }
}
