/// Random tensors drawn from the global generator (see `setRandomSeed(_:)`).
extension Tensor {
    /// A float32 tensor with values uniform in [minValue, maxValue), like `keras.random.uniform`.
    public static func randomUniform(shape: TensorShape, minValue: Float = 0, maxValue: Float = 1) -> Tensor {
        let values = GlobalRandom.shared.draw {
            $0.uniformFloats(count: shape.scalarCount, lower: minValue, upper: maxValue)
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// A float32 tensor of normally distributed values, like `keras.random.normal`.
    public static func randomNormal(shape: TensorShape, mean: Float = 0, standardDeviation: Float = 1) -> Tensor {
        let values = GlobalRandom.shared.draw {
            $0.normalFloats(count: shape.scalarCount, mean: mean, standardDeviation: standardDeviation)
        }
        return Tensor(shape: shape, scalars: values)
    }
}
