import Foundation

/// The seed every process starts with, so a notebook that never seeds still prints the same values each run.
public let defaultRandomSeed: UInt64 = 1234

/// Reseeds the engine's global generator, like `keras.utils.set_random_seed(seed)`.
///
/// Every layer build and every random tensor draws from this one generator in program order, so
/// the same seed and the same program give the same weights on every run and every machine.
public func setRandomSeed(_ seed: UInt64) {
    GlobalRandom.shared.reseed(seed)
}

/// The process-wide generator behind `setRandomSeed(_:)`, guarded by a lock.
final class GlobalRandom: @unchecked Sendable {
    static let shared = GlobalRandom()

    private let lock = NSLock()
    private var generator = Xoshiro256StarStar(seed: defaultRandomSeed)

    func reseed(_ seed: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// Runs `body` with exclusive access to the generator.
    func draw<Result>(_ body: (inout Xoshiro256StarStar) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&generator)
    }
}
