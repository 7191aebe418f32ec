extension Tensor {
    /// A float32 tensor of `shape` with every value equal to `value`.
    public init(repeating value: Float, shape: TensorShape) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.scalarCount))
    }

    /// A float32 tensor of `shape` filled with zeros.
    public init(zeros shape: TensorShape) {
        self.init(repeating: 0, shape: shape)
    }

    /// A float32 tensor of `shape` filled with ones.
    public init(ones shape: TensorShape) {
        self.init(repeating: 1, shape: shape)
    }
}
