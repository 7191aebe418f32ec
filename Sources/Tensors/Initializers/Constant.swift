/// Every value equal to `value`; Keras's `Constant`.
public struct Constant: Initializer {
    public var value: Float

    public init(_ value: Float) {
        self.value = value
    }

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        [Float](repeating: value, count: shape.scalarCount)
    }
}

/// All zeros; Keras's `Zeros`, the default bias initializer.
public struct Zeros: Initializer {
    public init() {}

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        Constant(0).values(shape: shape, using: &generator)
    }
}

/// All ones; Keras's `Ones`.
public struct Ones: Initializer {
    public init() {}

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        Constant(1).values(shape: shape, using: &generator)
    }
}
