import Foundation

/// A learning rate that changes with the optimizer's step; Keras's `LearningRateSchedule`. Set it
/// on an optimizer (`adam.learningRateSchedule = ExponentialDecay(...)`): each `apply` first sets
/// `learningRate` to the schedule's value at `iterations`, as Keras does.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for the update after `step` earlier updates.
    func callAsFunction(step: Int) -> Float
}

/// `initialLearningRate · decayRate^(step / decaySteps)`, the exponent floored with `staircase`;
/// Keras's `ExponentialDecay`, computed in float32 as Keras computes it.
public struct ExponentialDecay: LearningRateSchedule {
    public let initialLearningRate: Float
    public let decaySteps: Int
    public let decayRate: Float
    public let staircase: Bool

    public init(initialLearningRate: Float, decaySteps: Int, decayRate: Float, staircase: Bool = false) {
        require(decaySteps > 0, "ExponentialDecay: decaySteps must be positive, got \(decaySteps)")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    public func callAsFunction(step: Int) -> Float {
        var exponent = Float(step) / Float(decaySteps)
        if staircase { exponent.round(.down) }
        return initialLearningRate * Foundation.pow(decayRate, exponent)
    }
}
