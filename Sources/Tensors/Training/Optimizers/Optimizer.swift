import Foundation

/// Updates weights from their gradients with Keras 3's rules, defaults and state; the base of
/// `SGD`, `Adam`, `AdamW`, `RMSprop` and `Adagrad`.
///
/// `apply(gradients, to: layer)` takes exactly what `valueWithGradient(of: layer)` returned and
/// updates `layer.weights` in place; one call is one Keras `apply_gradients`: `iterations` grows by
/// one. Give every layer of a model to one call (`apply(_:to:)` with an array) so they share the step.
/// Slots (momentums, velocities, ...) are created at a weight's first update, zeros unless the
/// optimizer says otherwise, and read with `variables` in Keras's order.
///
/// Before the update, gradients are clipped as Keras does, in this order: `clipnorm` (each
/// gradient's L2 norm at most this), `clipvalue` (each value within ±this), `globalClipnorm` (all
/// gradients scaled together so their joint norm is at most this).
public class Optimizer {
    /// Keras's name for the optimizer (`adam`, `sgd`, ...).
    public let name: String
    public var learningRate: Float
    /// When set, `apply` takes `learningRate` from it at each step (Keras's `learning_rate=schedule`).
    public var learningRateSchedule: (any LearningRateSchedule)?
    public let clipnorm: Float?
    public let clipvalue: Float?
    public let globalClipnorm: Float?
    /// The number of `apply` calls so far (Keras's `iterations`).
    public private(set) var iterations = 0

    /// One weight's state: the layer that holds it (kept alive so its identity stays unique), the
    /// weight's index and name, and its slots.
    private struct WeightState {
        let holder: any Layer
        let index: Int
        let weightName: String
        var slots: [[Float]]
    }

    private var states: [WeightState] = []
    private var stateIndex: [WeightKey: Int] = [:]

    private struct WeightKey: Hashable {
        let holder: ObjectIdentifier
        let index: Int
    }

    init(name: String, learningRate: Float, clipnorm: Float?, clipvalue: Float?, globalClipnorm: Float?) {
        self.name = name
        self.learningRate = learningRate
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.globalClipnorm = globalClipnorm
    }

    // MARK: What each optimizer defines

    /// The names of the slots each weight gets (`["momentum", "velocity"]`).
    var slotNames: [String] { [] }

    /// `slotNames` as Keras creates them, which sets the order of `variables`: each group is one
    /// `add_optimizer_variables` call, making its slots weight by weight (Adam's momentum and velocity
    /// together; RMSprop's velocities for every weight, then its momentums).
    var slotGroups: [[String]] { [slotNames] }

    /// The starting value of every slot.
    var initialSlotValue: Float { 0 }

    /// Updates `parameter` in place from `gradient`, Keras's `update_step`; `step` is iterations + 1.
    func update(_ parameter: inout [Float], gradient: Gradient, slots: inout [[Float]], step: Int) {}

    /// A weight's gradient: dense, and for an embedding table also the per-occurrence rows.
    struct Gradient {
        var values: [Float]
        var slices: IndexedSlices?

        /// The sum over the rows of g² for sparse rows (Keras squares each slice), else g² per value.
        func squared() -> [Float] {
            guard let slices else { return values.map { $0 * $0 } }
            var result = [Float](repeating: 0, count: values.count)
            slices.addRows(into: &result) { $0 * $0 }
            return result
        }
    }

    // MARK: Applying

    /// Updates the weights of `layer` (of each of its `weightHolders`) from `gradients`, in `weights` order.
    public func apply(_ gradients: [Tensor], to layer: any Layer) {
        apply(gradients, to: [layer])
    }

    /// Updates the weights of every layer, in order, from `gradients`: the layers' `weights`
    /// concatenated, as `valueWithGradient` returns them for a model made of these layers.
    public func apply(_ gradients: [Tensor], to layers: [any Layer]) {
        if let learningRateSchedule { learningRate = learningRateSchedule(step: iterations) }
        let holders = layers.flatMap(\.weightHolders)
        // Shapes only: a weight tensor kept alive would make the in-place updates below copy.
        let shapes = holders.map { $0.weights.map(\.shape) }
        let expected = shapes.reduce(0) { $0 + $1.count }
        guard gradients.count == expected else {
            fatalError("\(typeName).apply: got \(gradients.count) gradients for \(expected) weights; pass what valueWithGradient returned for these layers")
        }
        for (shape, gradient) in zip(shapes.joined(), gradients) where shape != gradient.shape {
            fatalError("\(typeName).apply: a gradient of shape \(gradient.shape) for a weight of shape \(shape)")
        }
        var clipped = gradients.map { Gradient(values: $0.scalars, slices: $0.slices) }
        clip(&clipped)
        let step = iterations + 1
        var offset = 0
        for (holder, holderShapes) in zip(holders, shapes) {
            let update = { (index: Int, values: inout [Float]) in
                let stateIndex = self.state(for: holder, index: index, count: values.count)
                self.update(&values, gradient: clipped[offset + index], slots: &self.states[stateIndex].slots, step: step)
            }
            if let direct = holder as? any WeightsUpdatableInPlace {
                for index in holderShapes.indices { direct.updateWeight(at: index) { update(index, &$0) } }
            } else {
                var weights = holder.weights
                for index in weights.indices {
                    var values = weights[index].scalars
                    update(index, &values)
                    weights[index] = Tensor(shape: weights[index].shape, scalars: values)
                }
                trapOnError { try holder.setWeights(weights) }
            }
            offset += holderShapes.count
        }
        iterations += 1
    }

    /// The index in `states` of weight `index` of `holder`, created with zero slots on first use.
    private func state(for holder: any Layer, index: Int, count: Int) -> Int {
        let key = WeightKey(holder: ObjectIdentifier(holder), index: index)
        if let existing = stateIndex[key] { return existing }
        let slots = slotNames.map { _ in [Float](repeating: initialSlotValue, count: count) }
        states.append(WeightState(holder: holder, index: index, weightName: "\(holder.description) weight \(index)", slots: slots))
        stateIndex[key] = states.count - 1
        return states.count - 1
    }

    // MARK: Inspecting

    /// One of the optimizer's variables: `iteration`, `learning_rate`, then each weight's slots.
    public struct Variable: Sendable {
        public let name: String
        public let value: Tensor
    }

    /// Keras's `optimizer.variables`: iteration and learning rate (not a variable under a
    /// `learningRateSchedule`, as in Keras), then each group of `slotGroups` for every weight in the
    /// order first updated, each slot shaped like its weight.
    public var variables: [Variable] {
        var result = [Variable(name: "iteration", value: Tensor(Float(iterations)))]
        if learningRateSchedule == nil { result.append(Variable(name: "learning_rate", value: Tensor(learningRate))) }
        for group in slotGroups {
            for state in states {
                let shape = state.holder.weights[state.index].shape
                for slotName in group {
                    let slot = state.slots[slotNames.firstIndex(of: slotName)!]
                    result.append(Variable(name: "\(state.weightName) \(slotName)", value: Tensor(shape: shape, scalars: slot)))
                }
            }
        }
        return result
    }

    /// The slots of `layer`'s weights (of its weight holders, in `weights` order), each a dictionary
    /// from slot name to a tensor shaped like the weight; empty before the first update.
    public func slots(of layer: any Layer) -> [[String: Tensor]] {
        layer.weightHolders.flatMap { holder in
            holder.weights.indices.compactMap { index -> [String: Tensor]? in
                guard let position = stateIndex[WeightKey(holder: ObjectIdentifier(holder), index: index)] else { return nil }
                let shape = holder.weights[index].shape
                return Dictionary(uniqueKeysWithValues: zip(slotNames, states[position].slots.map { Tensor(shape: shape, scalars: $0) }))
            }
        }
    }

    private var typeName: String { String(describing: type(of: self)) }

    // MARK: Clipping

    private func clip(_ gradients: inout [Gradient]) {
        if let clipnorm {
            for i in gradients.indices { gradients[i].scale(by: clipFactor(norm: gradients[i].norm, limit: clipnorm)) }
        }
        if let clipvalue {
            for i in gradients.indices { gradients[i].map { Swift.min(Swift.max($0, -clipvalue), clipvalue) } }
        }
        if let globalClipnorm {
            let norm = gradients.reduce(Float(0)) { $0 + $1.norm * $1.norm }.squareRoot()
            // Keras's clip_by_global_norm: clip_norm · min(1 / norm, 1 / clip_norm).
            let factor = globalClipnorm * Swift.min(1 / norm, 1 / globalClipnorm)
            for i in gradients.indices { gradients[i].scale(by: factor) }
        }
    }

    /// Keras's `clip_by_norm`: values · limit / max(norm, limit).
    private func clipFactor(norm: Float, limit: Float) -> Float {
        limit / Swift.max(norm, limit)
    }
}

/// A layer whose weights an optimizer can update where they are stored, with no copy.
protocol WeightsUpdatableInPlace: Layer {
    /// Calls `update` with the values of weight `index` (Keras's layout), which it changes in place.
    func updateWeight(at index: Int, _ update: (inout [Float]) -> Void)
}

extension Optimizer.Gradient {
    /// The L2 norm; of the per-occurrence rows for sparse rows, as TensorFlow takes it.
    var norm: Float {
        let values = slices?.values ?? values
        return values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    }

    mutating func scale(by factor: Float) {
        map { $0 * factor }
    }

    /// Every value passed through `transform`; sparse rows are transformed one by one and summed again.
    mutating func map(_ transform: (Float) -> Float) {
        guard let slices else {
            values = values.map(transform)
            return
        }
        let mapped = slices.mapValues(transform)
        values = mapped.dense(tableRows: values.count / slices.width)
        self.slices = mapped
    }
}
