/// A recurrent layer's `dropout` (of the inputs) and `recurrentDropout` (of h_{t−1} where the
/// recurrent kernel multiplies it), with Keras 3's semantics.
///
/// Only in training (`LearningPhase.isTraining`) does a call draw masks, once per call from the
/// engine's seeded generator: per sample and per input feature (or unit), the same at every
/// timestep, each kept value scaled by 1 / (1 − rate). Like Keras's cells, a layer with recurrent
/// dropout draws one mask per gate for h_{t−1} and, when it also has input dropout, one per gate
/// for the input (LSTM and GRU then run Keras's `implementation=1`); with input dropout alone every
/// gate shares one input mask. A masked timestep keeps its states whatever the masks.
struct RecurrentDropout: Sendable {
    /// The share of input features dropped.
    let rate: Float
    /// The share of h_{t−1}'s units dropped before each recurrent product.
    let recurrentRate: Float

    /// Refuses rates outside [0, 1), naming `layer`.
    init(rate: Float, recurrentRate: Float, layer: String) throws {
        for (name, value) in [("dropout", rate), ("recurrentDropout", recurrentRate)] where !(0..<1).contains(value) {
            throw LayerError("\(layer): \(name) must be in [0, 1), got \(value)")
        }
        self.rate = rate
        self.recurrentRate = recurrentRate
    }

    /// The masks of one call on `batchSize` sequences, or nil outside training or with both rates 0.
    func masks(batchSize: Int, features: Int, units: Int, gateCount: Int) -> RecurrentDropoutMasks? {
        guard LearningPhase.isTraining, rate > 0 || recurrentRate > 0 else { return nil }
        let inputGroups = recurrentRate > 0 ? gateCount : 1
        return GlobalRandom.shared.draw { generator in
            RecurrentDropoutMasks(
                inputGroups: inputGroups,
                input: rate > 0 ? generator.dropoutScales(count: inputGroups * batchSize * features, rate: rate) : nil,
                recurrent: recurrentRate > 0 ? generator.dropoutScales(count: batchSize * gateCount * units, rate: recurrentRate) : nil)
        }
    }
}

/// The dropout scales (0 or 1 / (1 − rate)) of one recurrent layer call.
struct RecurrentDropoutMasks: Sendable {
    /// How many input masks there are: 1, shared by every gate, or one per gate.
    let inputGroups: Int
    /// (inputGroups, batchSize, features): group g scales the input of gates g·units ..< (g + 1)·units
    /// when there is one per gate. Nil without input dropout.
    let input: [Float]?
    /// (batchSize, gateCount · units): value (b, g · units + j) scales unit j of sequence b's h_{t−1}
    /// where gate g's recurrent product reads it. Nil without recurrent dropout.
    let recurrent: [Float]?
}
