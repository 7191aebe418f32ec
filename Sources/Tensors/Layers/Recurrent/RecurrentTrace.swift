/// What one slice of a recorded `RecurrentLayer` call keeps for its backward pass, in buffers
/// allocated once per call: the forward loop writes its gates and states straight into them, so
/// recording costs a few row copies per step and no allocation.
///
/// Per-step blocks are unit-major like `TimeLoop`'s buffers (value (j, b) at j · rows + b). The
/// matrices the weight gradients multiply are (rows of units, timesteps · rows), step s in columns
/// s · rows ..< (s + 1) · rows, so each weight gradient is one GEMM over all timesteps.
final class RecurrentTrace: @unchecked Sendable {
    let rows: Int
    let timesteps: Int
    /// (features, timesteps · rows): each step's input, transposed.
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
    /// (gateCount · units, timesteps · rows): the gradient of each step's pre-activations, filled backward.
    let gateGradients: UnsafeMutablePointer<Float>
    /// The same for the recurrent product where it differs (GRU with `resetAfter`), else nil.
    let recurrentGateGradients: UnsafeMutablePointer<Float>?

    private let stateSize: Int
    private let gateSize: Int

    init(cell: any RecurrentCell, rows: Int, timesteps: Int, features: Int) {
        let u = cell.units, width = cell.gateCount * u
        self.rows = rows
        self.timesteps = timesteps
        stateSize = cell.stateCount * u * rows
        gateSize = width * rows
        inputs = CacheAlignedBuffer.allocate(count: features * timesteps * rows)
        states = CacheAlignedBuffer.allocate(count: (timesteps + 1) * stateSize)
        gates = CacheAlignedBuffer.allocate(count: timesteps * gateSize)
        preActivations = cell.activations.allSatisfy(\.derivesFromOutput) ? nil : CacheAlignedBuffer.allocate(count: timesteps * gateSize)
        hHistory = CacheAlignedBuffer.allocate(count: u * (timesteps + 1) * rows)
        scratchHistory = cell.tracedScratchRows == nil ? nil : CacheAlignedBuffer.allocate(count: u * timesteps * rows)
        gateGradients = CacheAlignedBuffer.allocate(count: timesteps * gateSize)
        recurrentGateGradients = cell.hasSeparateRecurrentGradient ? CacheAlignedBuffer.allocate(count: timesteps * gateSize) : nil
    }

    deinit {
        let buffers: [UnsafeMutablePointer<Float>?] = [inputs, states, gates, preActivations, hHistory, scratchHistory,
                                                       gateGradients, recurrentGateGradients]
        for buffer in buffers { buffer.map(CacheAlignedBuffer.deallocate) }
    }

    /// The leading dimension of the all-timestep matrices.
    var stride: Int { timesteps * rows }

    /// The states before processing step `step` (`step` = timesteps: the final states).
    func states(before step: Int) -> UnsafeMutablePointer<Float> { states + step * stateSize }

    func gates(at step: Int) -> UnsafeMutablePointer<Float> { gates + step * gateSize }

    func preActivations(at step: Int) -> UnsafeMutablePointer<Float>? { preActivations.map { $0 + step * gateSize } }
}
