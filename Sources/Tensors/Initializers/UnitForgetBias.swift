/// The LSTM bias Keras builds with `unit_forget_bias=True`: zeros for the input, cell and output
/// gates and ones for the forget gate, so a fresh LSTM starts by remembering (Jozefowicz et al., 2015).
///
/// The shape must be (4 · units,), laid out in Keras's gate order i, f, c, o.
public struct UnitForgetBias: Initializer {
    public init() {}

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        require(shape.rank == 1 && shape[0] % 4 == 0,
                "UnitForgetBias: the LSTM bias must have shape (4 * units,), got \(shape)")
        let units = shape[0] / 4
        var values = [Float](repeating: 0, count: shape[0])
        values.replaceSubrange(units..<(2 * units), with: repeatElement(1, count: units))
        return values
    }
}
