/// Long short-term memory (Hochreiter and Schmidhuber, 1997); Keras's `LSTM`.
///
/// Weights in Keras order: kernel (features, 4 · units) and recurrent_kernel (units, 4 · units)
/// with column blocks i, f, c, o, and bias (4 · units,), whose forget block starts at 1 with
/// `unitForgetBias`. States: [h, c]. `dropout` and `recurrentDropout` drop shares of the input
/// features and of h_{t−1} in training; with recurrent dropout each gate draws its own masks, as
/// Keras's cell does. See `RecurrentLayer` for shapes, masks and `callWithState(_:)`.
public final class LSTM: RecurrentLayer {
    /// The activation of the input, forget and output gates.
    public let recurrentActivation: Activation

    public init(units: Int, activation: Activation = .tanh, recurrentActivation: Activation = .sigmoid,
                useBias: Bool = true, unitForgetBias: Bool = true, dropout: Float = 0, recurrentDropout: Float = 0,
                returnSequences: Bool = false, returnState: Bool = false, goBackwards: Bool = false, name: String? = nil) {
        self.recurrentActivation = recurrentActivation
        super.init(cell: LSTMCell(units: units, activation: activation, recurrentActivation: recurrentActivation,
                                  useBias: useBias, unitForgetBias: unitForgetBias),
                   dropout: dropout, recurrentDropout: recurrentDropout,
                   returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards, name: name)
    }
}
