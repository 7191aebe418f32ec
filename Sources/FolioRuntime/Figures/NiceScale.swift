#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An axis over a range of values, widened to whole multiples of a tick step of 1, 2 or 5 times a power of ten.
struct NiceScale: Hashable {
    /// The axis's ends, both ticks.
    let lower: Double
    let upper: Double
    let step: Double
    /// Tick positions from `lower` to `upper`.
    let ticks: [Double]

    /// The scale for values from `low` to `high` with about `targetTicks` intervals. Non-finite bounds give
    /// 0...1; an empty range is widened around its value. `integerSteps` keeps steps at 1 or more (epochs, indices).
    init(covering low: Double, _ high: Double, targetTicks: Int = 5, integerSteps: Bool = false) {
        var low = low, high = high
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low > high { (low, high) = (high, low) }
        if low == high {
            let margin = integerSteps ? 1 : low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - margin, high + margin)
        }
        let raw = (high - low) / Double(max(targetTicks, 1))
        let power = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].lazy.map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * power
        if integerSteps { step = max(step.rounded(), 1) }
        let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
        self.step = step
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        lower = ticks.first ?? low
        upper = ticks.last ?? high
    }

    /// Decimals that tell the ticks apart: none for a step of 1 or more, two for 0.05.
    var decimals: Int { step >= 1 ? 0 : Int((-log10(step)).rounded(.up) + 1e-9) }

    /// The ticks' labels, all with the same number of decimals; as multiples of one power of ten
    /// (`2.5e6`) when fixed decimals would be too long to read (a step below 1e-4, values of a million or more).
    var labels: [String] {
        let largest = max(abs(lower), abs(upper))
        guard step < 1e-4 || largest >= 1e6 else {
            return ticks.map { SVGText.decimal($0, places: decimals, keepingZeros: true) }
        }
        let exponent = Int(floor(log10(largest)))
        let places = max(0, exponent - Int(floor(log10(step))))
        return ticks.map { tick in
            tick == 0 ? "0" : SVGText.decimal(tick / pow(10, Double(exponent)), places: places, keepingZeros: true) + "e\(exponent)"
        }
    }

    /// Where `value` falls between `start` (at `lower`) and `end` (at `upper`).
    func position(of value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
