import XCTest
@testable import Tensors

final class RandomTests: XCTestCase {
    func testGeneratorMatchesTheReferenceXoshiro256StarStarStream() {
        // From the reference C code with the state filled by SplitMix64 (independent Python port).
        var zero = Xoshiro256StarStar(seed: 0)
        XCTAssertEqual((0..<3).map { _ in zero.next() }, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var seeded = Xoshiro256StarStar(seed: 1234)
        XCTAssertEqual((0..<2).map { _ in seeded.next() }, [0x0BAB_45D9_A0E3_AE53, 0xD7C6_4066_0C19_433E])
    }

    func testUnitFloatUsesTheTop24Bits() {
        var generator = Xoshiro256StarStar(seed: 1234)
        XCTAssertEqual(generator.nextUnitFloat(), Float(0x0BAB_45D9_A0E3_AE53 >> 40) / 16_777_216)
    }

    func testSetRandomSeedReplaysTheSameValues() {
        setRandomSeed(42)
        let first = Tensor.randomNormal(shape: [3, 4])
        let firstUniform = Tensor.randomUniform(shape: [5])
        setRandomSeed(42)
        XCTAssertEqual(Tensor.randomNormal(shape: [3, 4]).scalars, first.scalars)
        XCTAssertEqual(Tensor.randomUniform(shape: [5]).scalars, firstUniform.scalars)
        setRandomSeed(43)
        XCTAssertNotEqual(Tensor.randomNormal(shape: [3, 4]).scalars, first.scalars)
    }

    func testUniformStaysInRangeWithMeanInTheMiddle() {
        var generator = Xoshiro256StarStar(seed: 5)
        let values = generator.uniformFloats(count: 100_000, lower: -2, upper: 3)
        XCTAssertTrue(values.allSatisfy { $0 >= -2 && $0 < 3 })
        XCTAssertEqual(mean(values), 0.5, accuracy: 0.02)
    }

    func testNormalHasRequestedMeanAndStandardDeviation() {
        var generator = Xoshiro256StarStar(seed: 5)
        let values = generator.normalFloats(count: 100_001, mean: 1, standardDeviation: 2)
        XCTAssertEqual(values.count, 100_001)
        let m = mean(values)
        XCTAssertEqual(m, 1, accuracy: 0.03)
        XCTAssertEqual(mean(values.map { ($0 - m) * ($0 - m) }).squareRoot(), 2, accuracy: 0.03)
    }

    private func mean(_ values: [Float]) -> Float {
        Float(values.reduce(0.0) { $0 + Double($1) } / Double(values.count))
    }
}
