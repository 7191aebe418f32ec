/// A value that can be written as a (possibly nested) array literal to build a tensor:
/// `Int`, `Int32`, `Float`, `Double`, and arrays of these nested to any depth.
///
/// `Tensor([[3, 57, 35]])` gives an int32 tensor of shape `(1, 3)`;
/// `Tensor([[1.5, 2]])` a float32 one.
public protocol TensorLiteral {
    /// The element type of the tensor this literal builds.
    static var tensorDType: Tensor.DType { get }

    /// Appends this value's scalars row-major to `builder`, recording its extent at `depth`.
    func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int)
}

/// Collects the scalars and the shape of a nested literal, noting the first
/// place where the nesting is ragged or a value does not fit.
public struct TensorLiteralBuilder {
    var dimensions: [Int] = []
    var floats: [Float] = []
    var integers: [Int32] = []
    var error: String?

    init() {}

    /// Records that an array of `count` elements sits at `depth`.
    mutating func enterArray(count: Int, depth: Int) {
        if depth == dimensions.count {
            dimensions.append(count)
        } else if dimensions[depth] != count, error == nil {
            error = "Tensor: ragged nested array: the arrays at depth \(depth + 1) must all have "
                + "\(dimensions[depth]) elements, but one has \(count)"
        }
    }

    mutating func append(integer: Int) {
        guard let value = Int32(exactly: integer) else {
            if error == nil { error = "Tensor: \(integer) does not fit in int32" }
            return
        }
        integers.append(value)
    }

    mutating func append(float: Float) {
        floats.append(float)
    }

    /// The built tensor, or a message saying why the literal is not a tensor.
    func build(dtype: Tensor.DType) -> Result<Tensor, TensorLiteralError> {
        if let error { return .failure(TensorLiteralError(message: error)) }
        let shape = TensorShape(dimensions)
        switch dtype {
        case .float32: return .success(Tensor(shape: shape, scalars: floats))
        case .int32: return .success(Tensor(shape: shape, integers: integers))
        }
    }
}

/// Why a nested literal does not describe a tensor (for example, rows of different lengths).
public struct TensorLiteralError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}

extension Int: TensorLiteral {
    public static var tensorDType: Tensor.DType { .int32 }

    public func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int) {
        builder.append(integer: self)
    }
}

extension Int32: TensorLiteral {
    public static var tensorDType: Tensor.DType { .int32 }

    public func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int) {
        builder.append(integer: Int(self))
    }
}

extension Float: TensorLiteral {
    public static var tensorDType: Tensor.DType { .float32 }

    public func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int) {
        builder.append(float: self)
    }
}

extension Double: TensorLiteral {
    public static var tensorDType: Tensor.DType { .float32 }

    public func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int) {
        builder.append(float: Float(self))
    }
}

extension Array: TensorLiteral where Element: TensorLiteral {
    public static var tensorDType: Tensor.DType { Element.tensorDType }

    public func appendScalars(to builder: inout TensorLiteralBuilder, depth: Int) {
        builder.enterArray(count: count, depth: depth)
        for element in self { element.appendScalars(to: &builder, depth: depth + 1) }
    }
}

extension Tensor {
    /// A tensor from a scalar or nested array literal: integer literals give an int32
    /// tensor, floating-point literals a float32 one. Rows of different lengths are an error.
    public init<Literal: TensorLiteral>(_ literal: Literal) {
        switch Tensor.validating(literal) {
        case .success(let tensor): self = tensor
        case .failure(let error): fatalError(error.message)
        }
    }

    /// The tensor a literal describes, or why it describes none.
    public static func validating<Literal: TensorLiteral>(_ literal: Literal) -> Result<Tensor, TensorLiteralError> {
        var builder = TensorLiteralBuilder()
        literal.appendScalars(to: &builder, depth: 0)
        return builder.build(dtype: Literal.tensorDType)
    }
}
