/// How a layer called on symbolic tensors passes on Keras's mask (a `KerasTensor`'s `_keras_mask`),
/// which decides the `not_equal` rows and `Connected to` entries of a functional model's summary.
///
/// Keras gives a layer the mask of its input in two ways: as an argument when its `call` takes
/// `mask` and it is called on a single tensor (the recurrent layers), so that the mask is one more
/// tensor the call reads; and through `compute_mask`, which sets its outputs' masks, sometimes with
/// operations of its own (`MaskOperation`). A layer that does not conform drops the mask, as
/// Keras's `Flatten`, `Reshape` and `Dot` do.
protocol SymbolicMasking: Layer {
    /// Whether Keras's `call` takes the mask of a single tensor argument.
    var readsMask: Bool { get }
    /// The masks of `node`'s outputs, for a call whose first argument had `inputMask`.
    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?]
}

extension SymbolicMasking {
    var readsMask: Bool { false }

    /// Every output keeps the input's mask (Keras's default `compute_mask`).
    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?] {
        node.outputShapes.map { _ in inputMask }
    }
}

extension Dense: SymbolicMasking {}
extension Dropout: SymbolicMasking {}
extension ActivationLayer: SymbolicMasking {}

extension Embedding: SymbolicMasking {
    /// With `maskZero`, a new `NotEqual` operation on the ids, whatever mask they had.
    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?] {
        guard maskZero else { return [nil] }
        return [MaskOperation.record(.notEqual, on: [node.inputs[0]])]
    }
}

/// `Add` and `Multiply` combine their inputs' masks with one `logical_or` per input after the
/// first; no mask when an input has none (Keras's `Merge.compute_mask`, which `Concatenate`
/// replaces with its own below).
extension SymbolicMasking where Self: MergingLayer {
    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?] {
        let masks = node.inputs.map(\.mask)
        guard let first = masks.first ?? nil, !masks.contains(where: { $0 == nil }) else { return [nil] }
        return [masks.dropFirst().reduce(first) { combined, next in MaskOperation.record(.logicalOr, on: [combined, next!]) }]
    }
}

extension Add: SymbolicMasking {}
extension Multiply: SymbolicMasking {}

/// `Concatenate` widens each input's mask to the input's shape (`expand_dims`, then `logical_or`
/// with `zeros_like` of the input; `ones_like` of an unmasked input), concatenates them and takes
/// `any` over the last axis, as Keras's `Concatenate.compute_mask` does.
extension Concatenate: SymbolicMasking {
    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?] {
        guard node.inputs.contains(where: { $0.mask != nil }) else { return [nil] }
        let widened = node.inputs.map { input -> SymbolicTensor in
            guard let mask = input.mask else { return MaskOperation.record(.onesLike, on: [input]) }
            guard mask.shape.count < input.shape.count else { return mask }
            return MaskOperation.record(.logicalOr, on: [MaskOperation.record(.expandDims, on: [mask]),
                                                         MaskOperation.record(.zerosLike, on: [input])])
        }
        return [MaskOperation.record(.any, on: [MaskOperation.record(.concatenate(axis: axis), on: widened)])]
    }
}

/// A recurrent layer reads the mask; its sequence output keeps it, its last output and states have none.
extension SymbolicMasking where Self: StateReturningLayer {
    var readsMask: Bool { true }

    func outputMasks(of node: GraphNode, inputMask: SymbolicTensor?) -> [SymbolicTensor?] {
        [returnSequences ? inputMask : nil] + node.outputShapes.dropFirst().map { _ in nil }
    }
}

extension RecurrentLayer: SymbolicMasking {}
extension Bidirectional: SymbolicMasking {}
