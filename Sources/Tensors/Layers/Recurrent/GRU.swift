/// Gated recurrent unit (Cho et al., 2014); Keras's `GRU`.
///
/// Weights in Keras order: kernel (features, 3 · units) and recurrent_kernel (units, 3 · units)
/// with column blocks z, r, h, and bias: (2, 3 · units) with `resetAfter` (input row, recurrent row),
/// else (3 · units,). `dropout` and `recurrentDropout` drop shares of the input features and of
/// h_{t−1} in training; with recurrent dropout each gate draws its own masks, as Keras's cell does. See `GRUCell` for the two formulas and `RecurrentLayer` for shapes and masks.
public final class GRU: RecurrentLayer {
    /// The activation of the update and reset gates.
    public let recurrentActivation: Activation
    /// Whether the reset gate applies after the recurrent matrix product (Keras 3's default).
    public let resetAfter: Bool

    public init(units: Int, activation: Activation = .tanh, recurrentActivation: Activation = .sigmoid,
                useBias: Bool = true, dropout: Float = 0, recurrentDropout: Float = 0, returnSequences: Bool = false, returnState: Bool = false,
                goBackwards: Bool = false, resetAfter: Bool = true, name: String? = nil) {
        self.recurrentActivation = recurrentActivation
        self.resetAfter = resetAfter
        super.init(cell: GRUCell(units: units, activation: activation, recurrentActivation: recurrentActivation,
                                 useBias: useBias, resetAfter: resetAfter),
                   dropout: dropout, recurrentDropout: recurrentDropout,
                   returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards, name: name)
    }
}
