import XCTest
@testable import Tensors

final class InitializerTests: XCTestCase {
    func testOrthogonalSquareMatrixHasOrthonormalColumnsAndRows() {
        var generator = Xoshiro256StarStar(seed: 1)
        let q = Orthogonal().values(shape: [64, 64], using: &generator)
        assertOrthonormalColumns(q, rows: 64, cols: 64)
        assertOrthonormalColumns(transpose(q, rows: 64, cols: 64), rows: 64, cols: 64)
    }

    func testOrthogonalTallMatrixHasOrthonormalColumns() {
        var generator = Xoshiro256StarStar(seed: 2)
        assertOrthonormalColumns(Orthogonal().values(shape: [50, 20], using: &generator), rows: 50, cols: 20)
    }

    func testOrthogonalWideMatrixHasOrthonormalRows() {
        var generator = Xoshiro256StarStar(seed: 3)
        let q = Orthogonal().values(shape: [16, 64], using: &generator)
        assertOrthonormalColumns(transpose(q, rows: 16, cols: 64), rows: 64, cols: 16)
    }

    func testOrthogonalIsQOfTheNormalDrawWithPositiveRDiagonal() {
        // Q · diag(sign(R)) makes R's diagonal positive, so Qᵀ A has a positive diagonal.
        var draw = Xoshiro256StarStar(seed: 4)
        let a = draw.normalFloats(count: 6 * 3, mean: 0, standardDeviation: 1)
        var generator = Xoshiro256StarStar(seed: 4)
        let q = Orthogonal().values(shape: [6, 3], using: &generator)
        for j in 0..<3 {
            let rjj = (0..<6).reduce(Float(0)) { $0 + q[$1 * 3 + j] * a[$1 * 3 + j] }
            XCTAssertGreaterThan(rjj, 0)
        }
    }

    func testOrthogonalGainScales() {
        var first = Xoshiro256StarStar(seed: 9), second = Xoshiro256StarStar(seed: 9)
        let unit = Orthogonal().values(shape: [4, 4], using: &first)
        let scaled = Orthogonal(gain: 2).values(shape: [4, 4], using: &second)
        XCTAssertEqual(scaled, unit.map { 2 * $0 })
    }

    func testGlorotUniformBoundAndVariance() {
        var generator = Xoshiro256StarStar(seed: 6)
        let values = GlorotUniform().values(shape: [100, 256], using: &generator)
        let limit = Float(6.0 / 356).squareRoot()
        XCTAssertEqual(GlorotUniform.limit(for: [100, 256]), limit, accuracy: 1e-7)
        XCTAssertTrue(values.allSatisfy { abs($0) <= limit })
        XCTAssertGreaterThan(values.map(abs).max()!, 0.99 * limit)
        let variance = values.reduce(0.0) { $0 + Double($1 * $1) } / Double(values.count)
        XCTAssertEqual(variance, 2.0 / 356, accuracy: 0.05 * 2.0 / 356, "Glorot variance 2 / (fanIn + fanOut)")
    }

    func testGlorotFansFollowKeras() {
        XCTAssertTrue(GlorotUniform.fans(of: [7]) == (7, 7))
        XCTAssertTrue(GlorotUniform.fans(of: [3, 5]) == (3, 5))
        XCTAssertTrue(GlorotUniform.fans(of: [2, 3, 4, 5]) == (24, 30))
    }

    func testInitializersAreDeterministicUnderASeed() {
        for initializer in [GlorotUniform(), Orthogonal(), RandomUniform()] as [any Initializer] {
            setRandomSeed(77)
            let first = initializer([8, 12])
            setRandomSeed(77)
            XCTAssertEqual(initializer([8, 12]).scalars, first.scalars, "\(initializer)")
        }
    }

    func testConstantInitializers() {
        XCTAssertEqual(Zeros()([2, 2]).scalars, [0, 0, 0, 0])
        XCTAssertEqual(Ones()([3]).scalars, [1, 1, 1])
        XCTAssertEqual(Constant(0.5)([2]).scalars, [0.5, 0.5])
    }

    func testUnitForgetBiasSetsOnlyTheForgetBlock() {
        XCTAssertEqual(UnitForgetBias()([8]).scalars, [0, 0, 1, 1, 0, 0, 0, 0])
    }

    private func transpose(_ m: [Float], rows: Int, cols: Int) -> [Float] {
        (0..<(rows * cols)).map { index in m[(index % rows) * cols + index / rows] }
    }

    /// Asserts QᵀQ = I within 1e-5 for the row-major (rows, cols) matrix `q`.
    private func assertOrthonormalColumns(_ q: [Float], rows: Int, cols: Int, file: StaticString = #filePath, line: UInt = #line) {
        for i in 0..<cols {
            for j in 0..<cols {
                let dot = (0..<rows).reduce(Float(0)) { $0 + q[$1 * cols + i] * q[$1 * cols + j] }
                XCTAssertEqual(dot, i == j ? 1 : 0, accuracy: 1e-5, "(QᵀQ)[\(i), \(j)]", file: file, line: line)
            }
        }
    }
}
