import Foundation

/// What one slice of a recorded `RecurrentLayer` call keeps for its backward pass, in buffers cut
/// from one block per call (reused from earlier calls, `TraceBlocks`): the forward loop writes its
/// gates and states straight into them, so recording costs a few row copies per step and no
/// allocation.
///
/// Per-step blocks are unit-major like `TimeLoop`'s buffers (value (j, b) at j · rows + b). The
/// matrices the weight gradients multiply are (rows of units, timesteps · rows), step s in columns
/// s · rows ..< (s + 1) · rows, so each weight gradient is one GEMM over all timesteps.
final class RecurrentTrace: @unchecked Sendable {
    let rows: Int
    let timesteps: Int
    /// (inputGroups · features, timesteps · rows): each step's input, transposed (with input dropout,
    /// times each group's mask).
    let inputs: UnsafeMutablePointer<Float>
    /// timesteps + 1 blocks of (stateCount · units, rows): the states before step 0, then after each step.
    let states: UnsafeMutablePointer<Float>
    /// timesteps blocks of (gateCount · units, rows): the gates after their activations.
    let gates: UnsafeMutablePointer<Float>
    /// timesteps blocks of (gateCount · units, rows): the gates before activations the backward pass
    /// cannot differentiate from their outputs (nil when every activation can).
    let preActivations: UnsafeMutablePointer<Float>?
    /// (units, (timesteps + 1) · rows): h before step 0 and after each step.
    let hHistory: UnsafeMutablePointer<Float>
    /// (units, timesteps · rows): the rows of the cell's scratch it needs backward (GRU), or nil.
    let scratchHistory: UnsafeMutablePointer<Float>?
    /// With recurrent dropout, (gateCount · units, timesteps · rows): the dropped h_{t−1} each gate's
    /// recurrent product multiplied (`RecurrentStep.droppedStates`); else nil.
    let droppedStates: UnsafeMutablePointer<Float>?
    /// (gateCount · units, timesteps · rows): the gradient of each step's pre-activations, filled backward.
    let gateGradients: UnsafeMutablePointer<Float>
    /// The same for the recurrent product where it differs (GRU with `resetAfter`), else nil.
    let recurrentGateGradients: UnsafeMutablePointer<Float>?

    private let stateSize: Int
    private let gateSize: Int

    /// The one block all the buffers are cut from, and its length.
    private let block: UnsafeMutablePointer<Float>
    private let blockCount: Int

    /// `inputGroups` copies of the inputs are kept (one per input dropout mask); `hasRecurrentDropout`
    /// keeps `droppedStates`.
    init(cell: any RecurrentCell, rows: Int, timesteps: Int, features: Int, inputGroups: Int = 1, hasRecurrentDropout: Bool = false) {
        let u = cell.units, width = cell.gateCount * u
        self.rows = rows
        self.timesteps = timesteps
        stateSize = cell.stateCount * u * rows
        gateSize = width * rows
        let needsPreActivations = !cell.activations.allSatisfy(\.derivesFromOutput)
        // Each buffer's length, rounded up to whole cache lines so each starts on one.
        let lengths = [inputGroups * features * timesteps * rows, (timesteps + 1) * stateSize, timesteps * gateSize,
                       needsPreActivations ? timesteps * gateSize : 0, u * (timesteps + 1) * rows,
                       cell.tracedScratchRows == nil ? 0 : u * timesteps * rows, timesteps * gateSize,
                       cell.hasSeparateRecurrentGradient ? timesteps * gateSize : 0,
                       hasRecurrentDropout ? timesteps * gateSize : 0].map { ($0 + 15) / 16 * 16 }
        blockCount = lengths.reduce(0, +)
        block = TraceBlocks.shared.take(count: blockCount)
        var offsets: [Int] = [], offset = 0
        for length in lengths {
            offsets.append(offset)
            offset += length
        }
        inputs = block + offsets[0]
        states = block + offsets[1]
        gates = block + offsets[2]
        preActivations = needsPreActivations ? block + offsets[3] : nil
        hHistory = block + offsets[4]
        scratchHistory = cell.tracedScratchRows == nil ? nil : block + offsets[5]
        gateGradients = block + offsets[6]
        recurrentGateGradients = cell.hasSeparateRecurrentGradient ? block + offsets[7] : nil
        droppedStates = hasRecurrentDropout ? block + offsets[8] : nil
    }

    deinit {
        TraceBlocks.shared.give(block, count: blockCount)
    }

    /// The leading dimension of the all-timestep matrices.
    var stride: Int { timesteps * rows }

    /// The states before processing step `step` (`step` = timesteps: the final states).
    func states(before step: Int) -> UnsafeMutablePointer<Float> { states + step * stateSize }

    func gates(at step: Int) -> UnsafeMutablePointer<Float> { gates + step * gateSize }

    func preActivations(at step: Int) -> UnsafeMutablePointer<Float>? { preActivations.map { $0 + step * gateSize } }
}

/// Blocks of traces freed by earlier calls, kept for the next call of the same size.
///
/// A training loop records the same layers on the same shapes every step. Allocating the traces
/// anew (megabytes each) fragmented malloc's heap until resident memory grew by about 400 KB a
/// step (BENCHMARKS.md); reused, they also skip the page faults of fresh memory. At most
/// `limit` floats are kept; a larger block is freed at once.
final class TraceBlocks: @unchecked Sendable {
    static let shared = TraceBlocks()
    /// 64 Mi floats (256 MiB).
    let limit = 1 << 26

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var kept = 0

    /// A block of `count` floats, uninitialized.
    func take(count: Int) -> UnsafeMutablePointer<Float> {
        let reused = lock.withLock { () -> UnsafeMutablePointer<Float>? in
            guard let block = free[count]?.popLast() else { return nil }
            kept -= count
            return block
        }
        return reused ?? CacheAlignedBuffer.allocate(count: count)
    }

    /// Returns a block from `take(count:)`.
    func give(_ block: UnsafeMutablePointer<Float>, count: Int) {
        let keep = lock.withLock { () -> Bool in
            guard kept + count <= limit else { return false }
            free[count, default: []].append(block)
            kept += count
            return true
        }
        if !keep { CacheAlignedBuffer.deallocate(block) }
    }
}
