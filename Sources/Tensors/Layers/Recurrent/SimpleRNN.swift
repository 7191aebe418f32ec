/// A fully connected recurrent layer, h_t = activation(x_t · kernel + h_{t−1} · recurrentKernel + bias);
/// Keras's `SimpleRNN`.
///
/// Weights in Keras order: kernel (features, units), recurrent_kernel (units, units), bias (units,).
/// `dropout` and `recurrentDropout` drop shares of the input features and of h_{t−1} in training.
/// See `RecurrentLayer` for shapes, masks and `callWithState(_:)`.
public final class SimpleRNN: RecurrentLayer {
    public init(units: Int, activation: Activation = .tanh, useBias: Bool = true,
                dropout: Float = 0, recurrentDropout: Float = 0,
                returnSequences: Bool = false, returnState: Bool = false, goBackwards: Bool = false, name: String? = nil) {
        super.init(cell: SimpleRNNCell(units: units, activation: activation, useBias: useBias),
                   dropout: dropout, recurrentDropout: recurrentDropout,
                   returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards, name: name)
    }
}
