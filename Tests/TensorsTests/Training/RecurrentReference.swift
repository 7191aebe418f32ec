import Foundation
@testable import Tensors

/// A float64 reference of Keras's recurrent layers, written for clarity, not speed: one sequence,
/// one step, one unit at a time, with Keras's masking, go_backwards, initial states and
/// zero_output_for_mask, and dropout on fixed masks. Finite differences of it are the tests'
/// reference gradients.
struct RecurrentReference {
    enum Kind { case simpleRNN, lstm, gru(resetAfter: Bool) }

    let kind: Kind
    let units: Int
    let activation: Activation
    let recurrentActivation: Activation
    let goBackwards: Bool
    let zeroOutputForMask: Bool
    /// Input dropout: one or gateCount masks of (batch, features) scales, mask g applying to gate g's input.
    var inputScales: [[Double]]? = nil
    /// Recurrent dropout: (batch, gateCount · units) scales of h_{t−1}, per gate's recurrent product.
    var recurrentScales: [Double]? = nil

    var gateCount: Int {
        switch kind {
        case .simpleRNN: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    var stateCount: Int { if case .lstm = kind { return 2 } else { return 1 } }

    /// The sequence outputs (batch, timesteps, units) in processing order, the last output (batch,
    /// units) and the final states, from weights in Keras's layouts (flat, row-major).
    func run(x: [Double], batch: Int, timesteps: Int, features: Int, mask: [Bool]?,
             kernel: [Double], recurrentKernel: [Double], bias: [Double]?, initialStates: [[Double]]?)
        -> (sequence: [Double], last: [Double], states: [[Double]]) {
        let u = units, width = gateCount * u
        var sequence = [Double](repeating: 0, count: batch * timesteps * u)
        var last = [Double](repeating: 0, count: batch * u)
        var finalStates = [[Double]](repeating: [Double](repeating: 0, count: batch * u), count: stateCount)
        for b in 0..<batch {
            var states = (0..<stateCount).map { s in initialStates.map { Array($0[s][(b * u)..<((b + 1) * u)]) } ?? [Double](repeating: 0, count: u) }
            var output = [Double](repeating: 0, count: u)
            for s in 0..<timesteps {
                let t = goBackwards ? timesteps - 1 - s : s
                let xt = Array(x[((b * timesteps + t) * features)..<((b * timesteps + t + 1) * features)])
                var projection = [Double](repeating: 0, count: width)
                for g in 0..<width {
                    let masks = inputScales.map { $0[Swift.min(g / u, $0.count - 1)] }
                    projection[g] = (0..<features).reduce(0) { $0 + xt[$1] * (masks?[b * features + $1] ?? 1) * kernel[$1 * width + g] }
                        + (bias?[g] ?? 0)
                }
                // The h_{t−1} each gate's recurrent product reads.
                let gateStates = (0..<gateCount).map { gate in
                    (0..<u).map { j in states[0][j] * (recurrentScales?[b * width + gate * u + j] ?? 1) }
                }
                let new = step(projection, states, gateStates, recurrentKernel, bias)
                if mask?[b * timesteps + t] ?? true {
                    states = new
                    output = new[0]
                } else if zeroOutputForMask {
                    output = [Double](repeating: 0, count: u)
                }
                sequence.replaceSubrange(((b * timesteps + s) * u)..<((b * timesteps + s + 1) * u), with: output)
            }
            last.replaceSubrange((b * u)..<((b + 1) * u), with: output)
            for s in 0..<stateCount { finalStates[s].replaceSubrange((b * u)..<((b + 1) * u), with: states[s]) }
        }
        return (sequence, last, finalStates)
    }

    private func step(_ x: [Double], _ states: [[Double]], _ gateStates: [[Double]], _ recurrentKernel: [Double],
                      _ bias: [Double]?) -> [[Double]] {
        let u = units, width = gateCount * u, h = states[0]
        func recurrent(_ vector: [Double], _ column: Int) -> Double {
            (0..<u).reduce(0) { $0 + vector[$1] * recurrentKernel[$1 * width + column] }
        }
        /// h_{t−1} as gate `column / units` reads it, times the kernel's column.
        func recurrent(_ column: Int) -> Double { recurrent(gateStates[column / u], column) }
        func act(_ value: Double) -> Double { Self.apply(activation, value) }
        func rec(_ value: Double) -> Double { Self.apply(recurrentActivation, value) }
        switch kind {
        case .simpleRNN:
            return [(0..<u).map { act(x[$0] + recurrent($0)) }]
        case .lstm:
            let c = states[1]
            var newC = [Double](repeating: 0, count: u), newH = [Double](repeating: 0, count: u)
            for j in 0..<u {
                let i = rec(x[j] + recurrent(j)), f = rec(x[u + j] + recurrent(u + j))
                let g = act(x[2 * u + j] + recurrent(2 * u + j)), o = rec(x[3 * u + j] + recurrent(3 * u + j))
                newC[j] = f * c[j] + i * g
                newH[j] = o * act(newC[j])
            }
            return [newH, newC]
        case .gru(let resetAfter):
            var newH = [Double](repeating: 0, count: u)
            if resetAfter {
                // The input bias is already in x; the recurrent bias row follows it.
                let inner = (0..<width).map { recurrent($0) + (bias?[width + $0] ?? 0) }
                for j in 0..<u {
                    let z = rec(x[j] + inner[j]), r = rec(x[u + j] + inner[u + j])
                    let hh = act(x[2 * u + j] + r * inner[2 * u + j])
                    newH[j] = z * h[j] + (1 - z) * hh
                }
            } else {
                let z = (0..<u).map { rec(x[$0] + recurrent($0)) }, r = (0..<u).map { rec(x[u + $0] + recurrent(u + $0)) }
                let resetState = (0..<u).map { r[$0] * gateStates[2][$0] }
                for j in 0..<u {
                    let hh = act(x[2 * u + j] + recurrent(resetState, 2 * u + j))
                    newH[j] = z[j] * h[j] + (1 - z[j]) * hh
                }
            }
            return [newH]
        }
    }

    /// The activations the finite-difference tests use, in float64.
    static func apply(_ activation: Activation, _ x: Double) -> Double {
        switch activation {
        case .linear: return x
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .softsign: return x / (1 + Swift.abs(x))
        case .gelu: return 0.5 * x * (1 + Foundation.erf(x / 2.0.squareRoot()))
        case .silu: return x / (1 + Foundation.exp(-x))
        default: fatalError("RecurrentReference: no float64 \(activation)")
        }
    }
}

/// Central differences of a float64 function of a flat parameter vector.
func centralDifferences(of f: ([Double]) -> Double, at point: [Double], step: Double = 1e-6) -> [Double] {
    point.indices.map { i in
        var up = point, down = point
        up[i] += step
        down[i] -= step
        return (f(up) - f(down)) / (2 * step)
    }
}

/// A small deterministic generator for test data: uniform values in [-scale, scale).
struct TestValues {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ count: Int, scale: Double = 1) -> [Double] {
        (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) / Double(1 << 53) * 2 - 1) * scale
        }
    }
}
