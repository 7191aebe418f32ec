/// A Keras-style layer: built lazily on its first call, callable on a tensor, with weights in
/// Keras's order.
public protocol Layer: AnyObject, CustomStringConvertible {
    /// The layer's name, unique in the program unless given: Keras's automatic names (`dense`,
    /// `dense_1`, ...), shown by a model's summary and used as the prefix of its weights' names.
    var name: String { get }

    /// The weights in Keras's order (`layer.weights` in Keras); empty until the layer is built.
    var weights: [Tensor] { get }

    /// Replaces the weights, given in the order of `weights`; builds the layer if needed.
    ///
    /// Throws `LayerError` naming the layer, the weight and both shapes when a shape does not fit.
    func setWeights(_ weights: [Tensor]) throws

    /// Keras's names of `weights`, one each (`kernel`, `recurrent_kernel`, `bias`); empty until built.
    var weightNames: [String] { get }

    /// Applies the layer, building it on first use from the input's shape.
    ///
    /// Wrong input (a shape the layer cannot take, an id outside the vocabulary) stops the program
    /// with a `LayerError` message naming the layer and the shapes, as Keras raises.
    func callAsFunction(_ input: Tensor) -> Tensor

    /// The layers that hold `weights` themselves, in order: `[self]` for a layer with its own
    /// weights, the wrapped layers for a wrapper (`Bidirectional`). Gradients and optimizer state
    /// are kept per holder, so `weights` of a container is its holders' weights concatenated.
    var weightHolders: [any Layer] { get }
}

extension Layer {
    public var weightHolders: [any Layer] { [self] }
}

/// A description of what went wrong using a layer, written for the person who wrote the call.
public struct LayerError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Runs a validation step of a layer call, stopping the program with the error's message when it
/// throws: a layer call on wrong input has no sensible result to return. Inside a call on symbolic
/// tensors the message also says which call it was.
func trapOnError<Result>(_ body: () throws -> Result) -> Result {
    do {
        return try body()
    } catch {
        fatalError(trapMessage(for: error))
    }
}

/// The message `trapOnError` stops with.
func trapMessage(for error: Error) -> String {
    GraphNode.callContext.map { "\(error)\n(\($0))" } ?? "\(error)"
}
