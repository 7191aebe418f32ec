/// Reverse-mode gradients: `valueWithGradient(of:)` with respect to a layer's (or model's) weights,
/// `valueWithGradient(at:)` with respect to an input, like Keras's `tf.GradientTape` around a loss.
///
/// The body must return a single value (the loss) built from differentiable operations: layers,
/// arithmetic with broadcasting, matmul, sums and means, layout changes, activations, `log`, `exp`,
/// `sqrt`, `pow`, `clip`, and the losses. A gradient that reaches an operation without one
/// (`argmax`, a loss's labels) stops the program with a message naming it.

/// The loss `body(model)` and its gradient with respect to every weight of `model`, in the order of
/// `model.weights` (and of `optimizer.apply(_:to:)`). A weight the loss does not depend on gets zeros.
/// An `Embedding`'s gradient is its dense (inputDim, outputDim) table and also keeps Keras's
/// per-occurrence rows, which `Adam`, `RMSprop` and `Adagrad` use.
public func valueWithGradient<Model: Layer>(of model: Model, _ body: (Model) throws -> Tensor) rethrows
    -> (value: Tensor, gradients: [Tensor]) {
    let tape = Tape()
    let loss = try Tape.$current.withValue(tape) { try body(model) }
    propagate(loss, on: tape)
    return (loss.detached, weightGradients(of: model, on: tape))
}

/// The loss `body()` and its gradient with respect to the weights of every layer in `layers`, their
/// `weights` concatenated in order: a custom training loop over several layers, whose result
/// `optimizer.apply(_:to:)` takes with the same array.
public func valueWithGradient(of layers: [any Layer], _ body: () throws -> Tensor) rethrows -> (value: Tensor, gradients: [Tensor]) {
    let tape = Tape()
    let loss = try Tape.$current.withValue(tape) { try body() }
    propagate(loss, on: tape)
    return (loss.detached, layers.flatMap { weightGradients(of: $0, on: tape) })
}

/// The value `body(x)` and its gradient with respect to the float32 tensor `x` (same shape as `x`).
public func valueWithGradient(at x: Tensor, _ body: (Tensor) throws -> Tensor) rethrows -> (value: Tensor, gradient: Tensor) {
    let (value, gradients, _) = try valueWithGradient(at: [x], of: nil as Dense?) { xs, _ in try body(xs[0]) }
    return (value, gradients[0])
}

/// The value `body(x, model)` and its gradients with respect to `x` and to the weights of `model`.
public func valueWithGradient<Model: Layer>(at x: Tensor, of model: Model, _ body: (Tensor, Model) throws -> Tensor) rethrows
    -> (value: Tensor, gradient: Tensor, gradients: [Tensor]) {
    let (value, gradients, weightGradients) = try valueWithGradient(at: [x], of: Optional(model)) { xs, model in try body(xs[0], model!) }
    return (value, gradients[0], weightGradients)
}

/// The value `body(xs, model)` and its gradients with respect to each of `xs` (e.g. an input and
/// initial states) and to the weights of `model`.
public func valueWithGradient<Model: Layer>(at xs: [Tensor], of model: Model, _ body: ([Tensor], Model) throws -> Tensor) rethrows
    -> (value: Tensor, gradients: [Tensor], weightGradients: [Tensor]) {
    try valueWithGradient(at: xs, of: Optional(model)) { xs, model in try body(xs, model!) }
}

private func valueWithGradient<Model: Layer>(at xs: [Tensor], of model: Model?, _ body: ([Tensor], Model?) throws -> Tensor) rethrows
    -> (value: Tensor, gradients: [Tensor], weightGradients: [Tensor]) {
    if let x = xs.first(where: { $0.dtype != .float32 }) {
        fatalError("valueWithGradient(at:): x is an \(x.dtype) tensor of shape \(x.shape); gradients exist only with respect to float32 values (ids have none)")
    }
    let tape = Tape()
    // Each x becomes a leaf; its padding mask stays, as a layer reads it.
    let tracked = xs.map { tape.record("input", inputs: [], output: $0.detached.withMask($0.mask), backward: nil) }
    let loss = try Tape.$current.withValue(tape) { try body(tracked, model) }
    let leaves = propagate(loss, on: tape)
    let gradients = zip(xs, tracked).map { x, leaf in (leaves[leaf.tapeReference!.node] ?? Tensor(zeros: x.shape)).detached }
    return (loss.detached, gradients, model.map { weightGradients(of: $0, on: tape) } ?? [])
}

/// Runs the backward passes from `loss`, which must hold one value; returns the leaves' gradients.
@discardableResult
private func propagate(_ loss: Tensor, on tape: Tape) -> [Int: Tensor] {
    guard loss.scalarCount == 1, loss.dtype == .float32 else {
        fatalError("valueWithGradient: the body must return one float32 value (the loss), got \(loss.dtype) of shape \(loss.shape); reduce it with .sum() or .mean()")
    }
    guard let root = tape.node(of: loss) else { return [:] }
    return Tape.$current.withValue(nil) {
        tape.propagate(from: root, seed: Tensor(shape: loss.shape, scalars: [1]))
    }
}

/// The summed weight gradients of `model`'s holders in `weights` order, zeros where none arrived.
private func weightGradients(of model: any Layer, on tape: Tape) -> [Tensor] {
    model.weightHolders.flatMap { holder in
        holder.weights.enumerated().map { index, weight in
            guard let gradient = tape.gradient(of: holder, weight: index) else { return Tensor(zeros: weight.shape) }
            var tensor = Tensor(shape: weight.shape, scalars: gradient.values)
            tensor.slices = gradient.slices
            return tensor
        }
    }
}

extension Tensor {
    /// The same values with no tape record, logits or mask: what `valueWithGradient` hands back.
    var detached: Tensor {
        Tensor(shape: shape, storage: storage)
    }
}
