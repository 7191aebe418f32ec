/// Values uniform in [minValue, maxValue); Keras's `RandomUniform`, whose defaults (−0.05, 0.05)
/// initialize `Embedding`.
public struct RandomUniform: Initializer {
    public var minValue: Float
    public var maxValue: Float

    public init(minValue: Float = -0.05, maxValue: Float = 0.05) {
        self.minValue = minValue
        self.maxValue = maxValue
    }

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        generator.uniformFloats(count: shape.scalarCount, lower: minValue, upper: maxValue)
    }
}
