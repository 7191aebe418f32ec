/// A fully connected recurrent layer, h_t = activation(x_t · kernel + h_{t−1} · recurrentKernel + bias);
/// Keras's `SimpleRNN`.
///
/// Weights in Keras order: kernel (features, units), recurrent_kernel (units, units), bias (units,).
/// See `RecurrentLayer` for shapes, masks and `callWithState(_:)`.
public final class SimpleRNN: RecurrentLayer {
    public init(units: Int, activation: Activation = .tanh, useBias: Bool = true,
                returnSequences: Bool = false, returnState: Bool = false, goBackwards: Bool = false, name: String? = nil) {
        super.init(cell: SimpleRNNCell(units: units, activation: activation, useBias: useBias),
                   returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards, name: name)
    }
}
