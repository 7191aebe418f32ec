/// Why an operation cannot apply to the shapes (or axes, or indices) it was given,
/// in words a learner understands: the operation's name and the shapes involved,
/// e.g. "matmul: inner dimensions differ: (2, 3) x (4, 5)".
///
/// Operations check their arguments with functions returning `Result<_, ShapeError>`
/// (so tests can read the message) and trap with the message on failure.
struct ShapeError: Error, Equatable, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

extension Result where Failure == ShapeError {
    /// The value, or a trap with the error's message: wrong shapes are a programming
    /// error in a notebook, reported against the cell that made it. (`fatalError`, not
    /// `preconditionFailure`, whose message optimized builds drop.)
    func orTrap() -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): fatalError(error.message)
        }
    }
}

extension TensorShape {
    /// `axis` as an index into `dimensions` (negative axes count from the back, as in
    /// numpy), or an error naming `operation` when no such axis exists.
    func normalizedAxis(_ axis: Int, for operation: String) -> Result<Int, ShapeError> {
        let normalized = axis < 0 ? axis + rank : axis
        guard (0..<rank).contains(normalized) else {
            return .failure(ShapeError("\(operation): axis \(axis) is out of range for shape \(self) of rank \(rank)"))
        }
        return .success(normalized)
    }

    /// The product of the dimensions before `axis` and after it: a row-major tensor is
    /// `outer` blocks, each holding `dimensions[axis]` slices of `inner` contiguous values.
    func outerAndInnerCounts(around axis: Int) -> (outer: Int, inner: Int) {
        (dimensions[..<axis].reduce(1, *), dimensions[(axis + 1)...].reduce(1, *))
    }
}
