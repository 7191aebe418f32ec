/// Keras's `GlorotUniform` (Xavier uniform), the default kernel initializer: values uniform in
/// [−limit, limit) with limit = sqrt(6 / (fanIn + fanOut)).
public struct GlorotUniform: Initializer {
    public init() {}

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        let limit = Self.limit(for: shape)
        return generator.uniformFloats(count: shape.scalarCount, lower: -limit, upper: limit)
    }

    /// The bound of the distribution for a weight of `shape`.
    static func limit(for shape: TensorShape) -> Float {
        let (fanIn, fanOut) = fans(of: shape)
        // Keras's VarianceScaling(scale: 1, mode: "fan_avg", distribution: "uniform").
        let scale = 1 / Swift.max(1, Double(fanIn + fanOut) / 2)
        return Float((3 * scale).squareRoot())
    }

    /// Keras's `compute_fans`: the input and output sizes a weight of `shape` connects.
    static func fans(of shape: TensorShape) -> (fanIn: Int, fanOut: Int) {
        let dims = shape.dimensions
        switch dims.count {
        case 0: return (1, 1)
        case 1: return (dims[0], dims[0])
        case 2: return (dims[0], dims[1])
        default:
            let receptiveField = dims.dropLast(2).reduce(1, *)
            return (dims[dims.count - 2] * receptiveField, dims[dims.count - 1] * receptiveField)
        }
    }
}
