extension Layer {
    /// The layer applied to a symbolic tensor (from `Input(shape:)` or another layer): builds the
    /// layer for that shape, records the call for `Model(inputs:outputs:)` and returns the output
    /// as a symbolic tensor of the shape the layer gives.
    public func callAsFunction(_ input: SymbolicTensor) -> SymbolicTensor {
        GraphNode.call(self, on: [input]) { [self($0[0])] }.outputs[0]
    }
}

extension MergingLayer {
    /// The layer applied to several symbolic tensors, recorded for `Model(inputs:outputs:)`.
    public func callAsFunction(_ inputs: [SymbolicTensor]) -> SymbolicTensor {
        GraphNode.call(self, on: inputs) { [self($0)] }.outputs[0]
    }
}

extension Model {
    /// The model applied to symbolic tensors, one per input: a model nested in another functional
    /// model, as one layer (Keras's `Functional` row in a summary) whose weights stay its layers'.
    public func callAsFunction(_ inputs: [SymbolicTensor]) -> SymbolicTensor {
        GraphNode.call(self, on: inputs) { [self($0)] }.outputs[0]
    }
}

/// A layer that can also return its final states: the recurrent layers and `Bidirectional`.
public protocol StateReturningLayer: Layer {
    /// Whether a call returns the final states besides the output (Keras's `return_state`).
    var returnState: Bool { get }
    /// Whether the output has every timestep (Keras's `return_sequences`) or only the last.
    var returnSequences: Bool { get }
    /// The output for sequences that start from `initialState` (nil: zeros).
    func callAsFunction(_ input: Tensor, initialState: [Tensor]?) -> Tensor
    /// The output and the final states, for sequences that start from `initialState` (nil: zeros).
    func callWithState(_ input: Tensor, initialState: [Tensor]?) -> (output: Tensor, states: [Tensor])
}

extension RecurrentLayer: StateReturningLayer {}
extension Bidirectional: StateReturningLayer {}

extension StateReturningLayer {
    /// The layer applied to a symbolic tensor, for sequences that start from the symbolic
    /// `initialState` (e.g. an encoder's final states).
    public func callAsFunction(_ input: SymbolicTensor, initialState: [SymbolicTensor]) -> SymbolicTensor {
        GraphNode.call(self, on: [input] + initialState) { values in
            [self(values[0], initialState: Array(values.dropFirst()))]
        }.outputs[0]
    }

    /// The layer applied to a symbolic tensor, its final states symbolic tensors too (Keras's call
    /// on a `KerasTensor` of a layer made with `return_state=True`, which this layer must be);
    /// `initialState` may be symbolic as well.
    public func callWithState(_ input: SymbolicTensor, initialState: [SymbolicTensor]? = nil)
        -> (output: SymbolicTensor, states: [SymbolicTensor]) {
        trapOnError {
            if !returnState {
                throw LayerError("\(description) was created with returnState: false, so in a functional model it has one output; create it with returnState: true for its states, or call it as layer(x, initialState:)")
            }
        }
        let outputs = GraphNode.call(self, on: [input] + (initialState ?? [])) { values in
            let result = self.callWithState(values[0], initialState: values.count > 1 ? Array(values.dropFirst()) : nil)
            return [result.output] + result.states
        }.outputs
        return (outputs[0], Array(outputs.dropFirst()))
    }
}
