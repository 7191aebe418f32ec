import XCTest
@testable import Tensors

/// The optimizers and clipping modes without Keras fixtures, against their formulas computed by hand
/// in double precision, and the metrics' resolution of "accuracy".
final class OptimizerRuleTests: XCTestCase {
    private func bias(_ values: [Float]) throws -> Dense {
        let layer = Dense(units: values.count, useBias: false)
        try layer.setWeights([Tensor(shape: [1, values.count], scalars: values)])
        return layer
    }

    func testAdamWDecaysWeightsBeforeTheAdamStep() throws {
        let layer = try bias([1, -2])
        let optimizer = AdamW(learningRate: 0.1, weightDecay: 0.5)
        optimizer.apply([Tensor(shape: [1, 2], scalars: [0.5, -0.25])], to: layer)
        // p −= p · wd · lr, then Adam's first step: m = 0.1 g, v = 0.001 g², α = lr · √0.001 / 0.1.
        for (index, (p, g)) in [(1.0, 0.5), (-2.0, -0.25)].enumerated() {
            let decayed = p - p * 0.5 * 0.1, alpha = 0.1 * 0.001.squareRoot() / 0.1
            let expected = decayed - (0.1 * g * alpha) / ((0.001 * g * g).squareRoot() + 1e-7)
            XCTAssertEqual(Double(layer.weights[0].scalars[index]), expected, accuracy: 1e-6)
        }
    }

    func testAdamOnAnEmbeddingMovesRowsWithoutGradientAndSquaresEachOccurrence() throws {
        let embedding = Embedding(inputDim: 4, outputDim: 2)
        try embedding.setWeights([Tensor(shape: [4, 2], scalars: [1, -1, 2, -2, 3, -3, 4, -4])])
        let ids = Tensor(shape: [1, 3], integers: [1, 1, 3])
        let upstream = Tensor(shape: [1, 3, 2], scalars: [0.5, -0.25, 1.5, 0.75, -2, 1])
        let optimizer = Adam(learningRate: 0.1)
        for _ in 0..<2 {
            let (_, gradients) = valueWithGradient(of: embedding) { layer in (layer(ids) * upstream).sum() }
            optimizer.apply(gradients, to: embedding)
        }
        // Row 1 is looked up twice: m takes the summed slice, v the sum of each occurrence's square.
        // Rows 0 and 2 get no gradient in either step and stay put; row 3 gets one slice per step.
        let summed: [[Double]] = [[0, 0], [2, 0.5], [0, 0], [-2, 1]]
        let squared: [[Double]] = [[0, 0], [0.25 + 2.25, 0.0625 + 0.5625], [0, 0], [4, 1]]
        var p: [[Double]] = [[1, -1], [2, -2], [3, -3], [4, -4]]
        var m = [[Double]](repeating: [0, 0], count: 4), v = m
        for step in 1...2 {
            let alpha = 0.1 * (1 - pow(0.999, Double(step))).squareRoot() / (1 - pow(0.9, Double(step)))
            for row in 0..<4 {
                for j in 0..<2 {
                    m[row][j] += (summed[row][j] - m[row][j]) * 0.1
                    v[row][j] += (squared[row][j] - v[row][j]) * 0.001
                    p[row][j] -= m[row][j] * alpha / (v[row][j].squareRoot() + 1e-7)
                }
            }
        }
        for (actual, expected) in zip(embedding.weights[0].scalars, p.joined()) {
            XCTAssertEqual(Double(actual), expected, accuracy: 1e-5)
        }
        XCTAssertEqual(embedding.weights[0].scalars[0...1], [1, -1])
        XCTAssertTrue(HeapRetention.isEnabled, "training keeps freed blocks in malloc's heap")
    }

    func testALargeTableIsSummedAndUpdatedOnAllCoresAsRowByRow() throws {
        // 5,000 × 64 values, above `TableParts.parallelThreshold`: the dense gradient, the squared
        // row sums and Adam's step each run in one part of the rows per core.
        let rows = 5_000, width = 64
        XCTAssertGreaterThanOrEqual(rows * width, TableParts.parallelThreshold)
        setRandomSeed(5)
        let embedding = Embedding(inputDim: rows, outputDim: width)
        let ids = (0..<40).map { Int32(($0 * 977) % rows) } + [0, 4_999, 2_500, 2_499, 0, 4_999]
        let input = Tensor(shape: [1, ids.count], integers: ids)
        let upstream = Tensor.randomNormal(shape: [1, ids.count, width])
        _ = embedding(input)
        let before = embedding.weights[0].scalars
        let (_, gradients) = valueWithGradient(of: embedding) { layer in (layer(input) * upstream).sum() }

        var summed = [Double](repeating: 0, count: rows * width), squared = summed
        for (slice, id) in ids.enumerated() {
            for j in 0..<width {
                let g = Double(upstream.scalars[slice * width + j])
                summed[Int(id) * width + j] += g
                squared[Int(id) * width + j] += g * g
            }
        }
        for (actual, expected) in zip(gradients[0].scalars, summed) { XCTAssertEqual(Double(actual), expected, accuracy: 1e-5) }

        Adam(learningRate: 0.1).apply(gradients, to: embedding)
        let alpha = 0.1 * 0.001.squareRoot() / 0.1
        for (index, actual) in embedding.weights[0].scalars.enumerated() {
            let expected = Double(before[index]) - 0.1 * summed[index] * alpha / ((0.001 * squared[index]).squareRoot() + 1e-7)
            XCTAssertEqual(Double(actual), expected, accuracy: 1e-5, "value \(index)")
        }
    }

    func testAdagradAccumulatesSquaresFromItsInitialValue() throws {
        let layer = try bias([1])
        let optimizer = Adagrad(learningRate: 0.1)
        for _ in 0..<2 { optimizer.apply([Tensor(shape: [1, 1], scalars: [2])], to: layer) }
        let first = 1 - 0.1 * 2 / (0.1 + 4 + 1e-7).squareRoot()
        let second = first - 0.1 * 2 / (0.1 + 8 + 1e-7).squareRoot()
        XCTAssertEqual(Double(layer.weights[0].scalars[0]), second, accuracy: 1e-6)
        XCTAssertEqual(optimizer.slots(of: layer)[0]["accumulator"]?.scalars, [8.1])
        XCTAssertEqual(optimizer.iterations, 2)
    }

    func testClipnormScalesEachGradientToTheNorm() throws {
        let layer = try bias([0, 0])
        SGD(learningRate: 1, clipnorm: 1).apply([Tensor(shape: [1, 2], scalars: [3, 4])], to: layer)
        assertClose(layer.weights[0], Tensor(shape: [1, 2], scalars: [-0.6, -0.8]))
    }

    func testClipvalueLimitsEachValue() throws {
        let layer = try bias([0, 0])
        SGD(learningRate: 1, clipvalue: 0.5).apply([Tensor(shape: [1, 2], scalars: [3, -0.25])], to: layer)
        assertClose(layer.weights[0], Tensor(shape: [1, 2], scalars: [-0.5, 0.25]))
    }

    func testGlobalClipnormScalesAllGradientsTogether() throws {
        let first = try bias([0]), second = try bias([0])
        SGD(learningRate: 1, globalClipnorm: 2.5).apply([Tensor(shape: [1, 1], scalars: [3]), Tensor(shape: [1, 1], scalars: [4])],
                                                        to: [first, second])
        XCTAssertEqual(first.weights[0].scalars[0], -1.5, accuracy: 1e-6)
        XCTAssertEqual(second.weights[0].scalars[0], -2, accuracy: 1e-6)
    }

    func testAccuracyResolvesAsKerasDoes() {
        // Binary: one prediction per sample, p > 0.5 counts as 1.
        XCTAssertEqual(Metric.accuracy(Tensor(shape: [4, 1], scalars: [1, 0, 1, 0]), Tensor(shape: [4, 1], scalars: [0.9, 0.5, 0.2, 0.1])), 0.75)
        // Sparse categorical: integer labels of lower rank.
        XCTAssertEqual(Metric.accuracy(Tensor([2, 0]), Tensor(shape: [2, 3], scalars: [0.1, 0.2, 0.7, 0.3, 0.6, 0.1])), 0.5)
        // Categorical: one-hot labels of the predictions' shape.
        XCTAssertEqual(Metric.accuracy(Tensor(shape: [2, 3], scalars: [0, 0, 1, 0, 1, 0]),
                                       Tensor(shape: [2, 3], scalars: [0.1, 0.2, 0.7, 0.3, 0.6, 0.1])), 1)
    }

    func testMeanIsWeightedByBatchSize() {
        var mean = Mean()
        mean.update(40, weight: 2)
        mean.update(30, weight: 1)
        XCTAssertEqual(mean.result, 36.666668, accuracy: 1e-5)
    }
}
