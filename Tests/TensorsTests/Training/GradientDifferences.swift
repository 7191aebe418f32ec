import XCTest
@testable import Tensors

/// Compares the tape's gradient of `f` at `x` with central differences of `f` in float32 (step 1e-3,
/// so a loose tolerance).
func assertGradientMatchesDifferences(_ x: Tensor, _ label: String = "", file: StaticString = #filePath, line: UInt = #line,
                                      _ f: @escaping (Tensor) -> Tensor) {
    let (_, gradient) = valueWithGradient(at: x, f)
    let values = x.scalars, step: Float = 1e-3
    for i in values.indices {
        var up = values, down = values
        up[i] += step
        down[i] -= step
        let difference = (f(Tensor(shape: x.shape, scalars: up)).scalars[0] - f(Tensor(shape: x.shape, scalars: down)).scalars[0]) / (2 * step)
        XCTAssertEqual(gradient.scalars[i], difference, accuracy: 2e-2 * Swift.max(1, Swift.abs(difference)),
                       "\(label) value \(i)", file: file, line: line)
    }
}
