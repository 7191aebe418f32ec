@testable import Tensors

/// Reads the outcome of the engine's validating functions in assertions.
extension Result where Failure == ShapeError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }

    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}

extension Result where Failure == TensorLiteralError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
