import XCTest
@testable import Tensors

/// Recurrent layers' `dropout` and `recurrentDropout`: masks per call, per sample and per feature,
/// the same at every timestep, only in training, seeded; rates checked; weights and summary as
/// without dropout. (Gradients with dropout: RecurrentFiniteDifferenceTests.)
final class RecurrentDropoutTests: XCTestCase {
    static let batch = 6, timesteps = 5, units = 4

    /// A linear SimpleRNN with identity kernels and no bias: h_t = x_t + h_{t−1} (each dropped by its mask).
    private func identityRNN(dropout: Float = 0, recurrentDropout: Float = 0) -> SimpleRNN {
        let u = Self.units
        let rnn = SimpleRNN(units: u, activation: .linear, useBias: false, dropout: dropout, recurrentDropout: recurrentDropout,
                            returnSequences: true)
        let identity = Tensor(shape: [u, u], scalars: (0..<(u * u)).map { $0 / u == $0 % u ? 1 : 0 })
        try! rnn.setWeights([identity, identity])
        return rnn
    }

    private func ones(_ shape: TensorShape) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: 1, count: shape.scalarCount))
    }

    /// Value (b, t, j) of a (batch, timesteps, units) output.
    private func value(_ output: Tensor, _ b: Int, _ t: Int, _ j: Int) -> Float {
        output.scalars[(b * Self.timesteps + t) * Self.units + j]
    }

    func testTheInputMaskIsPerSampleAndFeatureAndTheSameAtEveryTimestep() {
        setRandomSeed(3)
        // With the recurrent kernel at zero each step's output is its own dropped input.
        let rnn = identityRNN(dropout: 0.5)
        try! rnn.setWeights([rnn.weights[0], Tensor(shape: [Self.units, Self.units], scalars: [Float](repeating: 0, count: 16))])
        let output = LearningPhase.$isTraining.withValue(true) { rnn(ones([Self.batch, Self.timesteps, Self.units])) }
        XCTAssertEqual(Set(output.scalars), [0, 2])
        var rowsOfSamples: Set<[Float]> = []
        for b in 0..<Self.batch {
            let first = (0..<Self.units).map { value(output, b, 0, $0) }
            for t in 1..<Self.timesteps {
                XCTAssertEqual((0..<Self.units).map { value(output, b, t, $0) }, first, "sample \(b), timestep \(t)")
            }
            rowsOfSamples.insert(first)
        }
        XCTAssertGreaterThan(rowsOfSamples.count, 1, "each sample draws its own mask")
    }

    func testTheRecurrentMaskScalesTheSameUnitsOfHAtEveryStep() {
        setRandomSeed(4)
        // x = 1 at the first step only: h_t = m ⊙ h_{t−1}, so a unit kept by a constant mask doubles
        // each step (2^t) and a dropped one is 0 from step 1.
        let rnn = identityRNN(recurrentDropout: 0.5)
        var x = [Float](repeating: 0, count: Self.batch * Self.timesteps * Self.units)
        for b in 0..<Self.batch { for j in 0..<Self.units { x[b * Self.timesteps * Self.units + j] = 1 } }
        let output = LearningPhase.$isTraining.withValue(true) {
            rnn(Tensor(shape: [Self.batch, Self.timesteps, Self.units], scalars: x))
        }
        var kept = 0
        for b in 0..<Self.batch {
            for j in 0..<Self.units {
                let isKept = value(output, b, 1, j) == 2
                kept += isKept ? 1 : 0
                for t in 0..<Self.timesteps {
                    XCTAssertEqual(value(output, b, t, j), t == 0 || isKept ? Float(1 << t) : 0, "sample \(b), unit \(j), timestep \(t)")
                }
            }
        }
        XCTAssertTrue((1..<(Self.batch * Self.units)).contains(kept), "\(kept) units kept")
    }

    func testOutsideTrainingTheOutputIsExactlyTheOutputWithoutDropout() {
        setRandomSeed(5)
        let x = Tensor.randomUniform(shape: [Self.batch, Self.timesteps, 3], minValue: -1, maxValue: 1)
        for (plain, dropping) in [(LSTM(units: 4), LSTM(units: 4, dropout: 0.3, recurrentDropout: 0.3)),
                                  (GRU(units: 4), GRU(units: 4, dropout: 0.3, recurrentDropout: 0.3)),
                                  (SimpleRNN(units: 4), SimpleRNN(units: 4, dropout: 0.3, recurrentDropout: 0.3))] as [(RecurrentLayer, RecurrentLayer)] {
            _ = plain(x)
            try! dropping.setWeights(plain.weights)
            XCTAssertEqual(dropping(x).scalars, plain(x).scalars, "\(dropping)")
            XCTAssertNotEqual(LearningPhase.$isTraining.withValue(true) { dropping(x) }.scalars, plain(x).scalars, "\(dropping) in training")
        }
    }

    func testTheSameSeedDrawsTheSameMasksAndEachCallNewOnes() {
        let layer = Bidirectional(LSTM(units: 4, dropout: 0.4, recurrentDropout: 0.4, returnSequences: true))
        let x = ones([Self.batch, Self.timesteps, 3])
        _ = layer(x)  // builds the weights, which draw from the generator too
        setRandomSeed(6)
        let (first, second) = LearningPhase.$isTraining.withValue(true) { (layer(x), layer(x)) }
        setRandomSeed(6)
        let again = LearningPhase.$isTraining.withValue(true) { layer(x) }
        XCTAssertEqual(again.scalars, first.scalars)
        XCTAssertNotEqual(second.scalars, first.scalars)
    }

    func testRatesOutsideZeroToOneAreRefusedNamingTheLayer() {
        XCTAssertThrowsError(try RecurrentDropout(rate: 1, recurrentRate: 0, layer: "LSTM")) { error in
            XCTAssertEqual("\(error)", "LSTM: dropout must be in [0, 1), got 1.0")
        }
        XCTAssertThrowsError(try RecurrentDropout(rate: 0, recurrentRate: -0.1, layer: "GRU")) { error in
            XCTAssertEqual("\(error)", "GRU: recurrentDropout must be in [0, 1), got -0.1")
        }
        XCTAssertNoThrow(try RecurrentDropout(rate: 0, recurrentRate: 0.99, layer: "SimpleRNN"))
    }

    func testWeightsAndSummaryAreThoseOfTheLayerWithoutDropout() {
        func model(dropout: Float) -> Sequential {
            let model = Sequential([Embedding(inputDim: 20, outputDim: 3, name: "embedding"),
                                    Bidirectional(LSTM(units: 4, dropout: dropout, recurrentDropout: dropout, name: "lstm"), name: "bidirectional"),
                                    Dense(units: 1, name: "dense")], name: "sequential")
            _ = model(Tensor(shape: [2, 5], scalars: (0..<10).map { Float($0) }))
            return model
        }
        let plain = model(dropout: 0), dropping = model(dropout: 0.5)
        XCTAssertEqual(dropping.weights.map(\.shape), plain.weights.map(\.shape))
        XCTAssertEqual(dropping.layers.flatMap(\.weightNames), plain.layers.flatMap(\.weightNames))
        XCTAssertEqual(dropping.summaryText(), plain.summaryText())
    }

    func testFitWithDropoutIsDeterministicForASeedAndDiffersFromFitWithout() {
        func train(dropout: Float) -> (String, [[Float]]) {
            setRandomSeed(7)
            let model = Sequential([Embedding(inputDim: 12, outputDim: 4, maskZero: true),
                                    GRU(units: 5, dropout: dropout, recurrentDropout: dropout),
                                    Dense(units: 1, activation: .sigmoid)])
            model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
            let x = Tensor(shape: [8, 6], scalars: (0..<48).map { Float(($0 * 7) % 12) })
            let y = Tensor(shape: [8, 1], scalars: (0..<8).map { Float($0 % 2) })
            let history = model.fit(x, y, batchSize: 4, epochs: 3, verbose: 0)
            return (history.description, model.weights.map(\.scalars))
        }
        let first = train(dropout: 0.3), second = train(dropout: 0.3), without = train(dropout: 0)
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
        XCTAssertNotEqual(first.0, without.0)
    }
}
