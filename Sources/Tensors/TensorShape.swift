/// The dimensions of a tensor, printed the way TensorFlow prints `tensor.shape`:
/// `(1, 3, 100)`, `(5,)`, `()`.
public struct TensorShape: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    public var dimensions: [Int]

    public init(_ dimensions: [Int]) {
        require(dimensions.allSatisfy { $0 >= 0 }, "TensorShape: dimensions must not be negative, got \(dimensions)")
        self.dimensions = dimensions
    }

    public init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    /// The number of dimensions.
    public var rank: Int { dimensions.count }

    /// The number of scalars a tensor of this shape holds.
    public var scalarCount: Int { dimensions.reduce(1, *) }

    public subscript(axis: Int) -> Int {
        dimensions[axis < 0 ? axis + rank : axis]
    }

    public var description: String {
        switch dimensions.count {
        case 0: return "()"
        case 1: return "(\(dimensions[0]),)"
        default: return "(" + dimensions.map(String.init).joined(separator: ", ") + ")"
        }
    }
}
