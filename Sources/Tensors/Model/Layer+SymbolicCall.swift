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

/// A layer that can also return its final states: the recurrent layers and `Bidirectional`.
public protocol StateReturningLayer: Layer {
    /// The output and the final states, for sequences that start from `initialState` (nil: zeros).
    func callWithState(_ input: Tensor, initialState: [Tensor]?) -> (output: Tensor, states: [Tensor])
}

extension RecurrentLayer: StateReturningLayer {}
extension Bidirectional: StateReturningLayer {}

extension StateReturningLayer {
    /// The layer applied to a symbolic tensor, with the final states as symbolic tensors too
    /// (Keras's `return_state=True` call on a `KerasTensor`); `initialState` may be symbolic as well.
    public func callWithState(_ input: SymbolicTensor, initialState: [SymbolicTensor]? = nil)
        -> (output: SymbolicTensor, states: [SymbolicTensor]) {
        let outputs = GraphNode.call(self, on: [input] + (initialState ?? [])) { values in
            let result = self.callWithState(values[0], initialState: values.count > 1 ? Array(values.dropFirst()) : nil)
            return [result.output] + result.states
        }.outputs
        return (outputs[0], Array(outputs.dropFirst()))
    }

}
