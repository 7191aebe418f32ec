import XCTest
@testable import Tensors

/// Gradients of the differentiable tensor operations against central differences (float64 step on
/// float32 values, so a looser tolerance), and the properties a tape must have.
final class TensorOpGradientTests: XCTestCase {
    private let a = Tensor(shape: [2, 3], scalars: [0.3, -0.7, 1.2, 0.5, 0.9, -0.4])
    private let b = Tensor(shape: [3], scalars: [0.8, -1.1, 0.6])
    private let m = Tensor(shape: [3, 2], scalars: [0.2, -0.5, 0.7, 0.1, -0.3, 0.4])

    func testBroadcastingArithmetic() {
        assertGradientMatchesDifferences(a) { (($0 + self.b) * ($0 - self.b) / (self.b * self.b + 1)).sum() }
        assertGradientMatchesDifferences(b) { (self.a * $0 + self.a / ($0 * $0 + 2) - $0).sum() }
        assertGradientMatchesDifferences(b) { (-$0 * 3 + 1 / ($0 + 4)).mean() }
    }

    func testMatmulAndBatchedMatmul() {
        assertGradientMatchesDifferences(a) { matmul($0, self.m).sum() }
        assertGradientMatchesDifferences(m) { pow(matmul(self.a, $0), 2).sum() }
        let batch = Tensor(shape: [2, 2, 3], scalars: (0..<12).map { Float($0) / 10 - 0.5 })
        let other = Tensor(shape: [2, 3, 2], scalars: (0..<12).map { Float($0) / 7 - 0.8 })
        assertGradientMatchesDifferences(batch) { (matmul($0, other) * matmul($0, self.m)).sum() }
        assertGradientMatchesDifferences(other) { exp(matmul(batch, $0)).sum() }
    }

    func testReductionsAlongAxes() {
        assertGradientMatchesDifferences(a) { ($0.sum(alongAxes: 1) * Tensor([2, -1])).sum() }
        assertGradientMatchesDifferences(a) { pow($0.mean(alongAxes: 0, keepingDimensions: true) - $0, 2).sum() }
        assertGradientMatchesDifferences(a) { ($0.max(alongAxes: 1) * Tensor([1.5, -2])).sum() }
    }

    func testLayoutOperations() {
        assertGradientMatchesDifferences(a) { ($0.reshaped(to: [3, 2]) * self.m).sum() }
        assertGradientMatchesDifferences(a) { ($0.transposed() * self.m).sum() }
        assertGradientMatchesDifferences(a) { (Tensor(concatenating: [$0, $0 * $0], alongAxis: 1) * Tensor([1, 2, 3, -1, -2, -3])).sum() }
        assertGradientMatchesDifferences(a) { ($0[1] * self.b).sum() + ($0.reversed(alongAxis: 1) * self.b).sum() }
        assertGradientMatchesDifferences(a) { ($0.gathering(atIndices: Tensor([2, 0, 2]), alongAxis: 1) * self.b).sum() }
    }

    func testElementwiseFunctionsAndActivations() {
        let positive = Tensor(shape: [4], scalars: [0.3, 1.7, 2.2, 0.9])
        assertGradientMatchesDifferences(positive) { (log($0) + sqrt($0) + pow($0, 1.5) + exp($0)).sum() }
        assertGradientMatchesDifferences(a) { (clip($0, min: -0.5, max: 1) * self.a).sum() + abs($0).sum() }
        // Values away from every activation's kinks (0, ±0.5, ±1, ±3, 6), where differences straddle two slopes.
        let smooth = Tensor(shape: [2, 3], scalars: [0.3, -0.7, 1.2, 0.45, 0.9, -1.4])
        for activation in Activation.allCases where activation != .linear {
            assertGradientMatchesDifferences(smooth, "\(activation)") { ($0.applying(activation) * self.a).sum() }
        }
        assertGradientMatchesDifferences(a) { (softmax($0, alongAxis: 0) * self.a).sum() }
    }

    func testGradientOfASumOfTwoLossesIsTheSumOfTheirGradients() throws {
        let dense = Dense(units: 2, activation: .tanh)
        let x = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) / 12 - 0.4 })
        let target = Tensor(shape: [3, 2], scalars: [0.1, -0.2, 0.3, 0.5, -0.4, 0.2])
        _ = dense(x)
        let (_, first) = valueWithGradient(of: dense) { Loss.meanSquaredError(target, $0(x)) }
        let (_, second) = valueWithGradient(of: dense) { Loss.meanAbsoluteError(target, $0(x)) }
        let (_, both) = valueWithGradient(of: dense) { Loss.meanSquaredError(target, $0(x)) + Loss.meanAbsoluteError(target, $0(x)) }
        for index in both.indices {
            assertClose(both[index], first[index] + second[index])
        }
    }

    func testALayerCalledTwiceAccumulatesItsGradients() throws {
        let lstm = LSTM(units: 3)
        let x = Tensor(shape: [2, 4, 2], scalars: (0..<16).map { Float($0) / 16 - 0.5 })
        let y = x * 0.5
        _ = lstm(x)
        let (_, once) = valueWithGradient(of: lstm) { $0(x).sum() }
        let (_, other) = valueWithGradient(of: lstm) { $0(y).sum() }
        let (_, twice) = valueWithGradient(of: lstm) { $0(x).sum() + $0(y).sum() }
        for index in twice.indices { assertClose(twice[index], once[index] + other[index]) }
    }

    func testBatchGradientsAreTheSumOfEachSequencesAcrossThreads() throws {
        // Large enough that the batch is split across threads (BatchPartition); each row alone is not.
        let gru = GRU(units: 128, returnSequences: true)
        let x = Tensor.randomUniform(shape: [8, 6, 4], minValue: -1, maxValue: 1)
        _ = gru(x)
        let (_, batch) = valueWithGradient(of: gru) { ($0(x) * $0(x)).sum() }
        var rows = batch.map { Tensor(zeros: $0.shape) }
        for row in 0..<8 {
            let sequence = x[row].reshaped(to: [1, 6, 4])
            let (_, single) = valueWithGradient(of: gru) { ($0(sequence) * $0(sequence)).sum() }
            rows = zip(rows, single).map { $0 + $1 }
        }
        for index in batch.indices { assertClose(batch[index], rows[index], tolerance: 1e-4) }
    }

    func testEmbeddingWithMaskZeroGivesPaddingRowsNoGradientThroughAnLSTM() throws {
        let embedding = Embedding(inputDim: 6, outputDim: 3, maskZero: true)
        let lstm = LSTM(units: 2)
        let ids = Tensor([[0, 0, 3, 4], [5, 2, 0, 1]])
        let (_, gradients) = valueWithGradient(of: [embedding, lstm]) { lstm(embedding(ids)).sum() }
        XCTAssertEqual(Array(gradients[0].scalars[0..<3]), [0, 0, 0], "padding row 0 gets nothing")
        XCTAssertNotEqual(Array(gradients[0].scalars[9..<12]), [0, 0, 0])
        XCTAssertEqual(gradients.count, 4)
    }

    func testWeightsTheLossDoesNotUseGetZeros() throws {
        let dense = Dense(units: 2)
        let x = Tensor(shape: [1, 2], scalars: [1, 2])
        _ = dense(x)
        let (value, gradients) = valueWithGradient(of: dense) { _ in (x * x).sum() }
        XCTAssertEqual(value.scalars, [5])
        XCTAssertEqual(gradients.map(\.scalars), [[0, 0, 0, 0], [0, 0]])
    }
}
