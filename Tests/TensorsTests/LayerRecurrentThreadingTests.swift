import Foundation
import XCTest
@testable import Tensors

/// The batch split of recurrent layers across threads and the schedule of a `Bidirectional`'s halves:
/// when each happens, that OpenBLAS is held to one thread around it and restored, and that a split
/// or concurrent run computes what the same work computes one piece at a time.
final class LayerRecurrentThreadingTests: XCTestCase {
    override func setUp() {
        setRandomSeed(11)
    }

    func testSeedNotebookSizesStayOnTheCallingThread() {
        // LSTM(64) over one sequence of 5 steps, as in the seed notebook.
        let seed = BatchPartition(batchSize: 1, work: 5 * 1 * 4 * 64 * 64, threads: 2)
        XCTAssertEqual(seed.slices, [0..<1])
        XCTAssertFalse(seed.isParallel)
        let smallWork = BatchPartition(batchSize: 32, work: BatchPartition.minimumWork - 1, threads: 2)
        XCTAssertEqual(smallWork.slices, [0..<32])
    }

    func testLargeBatchSplitsIntoContiguousNearlyEqualSlices() {
        let work = BatchPartition.minimumWork
        XCTAssertEqual(BatchPartition(batchSize: 32, work: work, threads: 2).slices, [0..<16, 16..<32])
        XCTAssertEqual(BatchPartition(batchSize: 5, work: work, threads: 2).slices, [0..<2, 2..<5])
        XCTAssertEqual(BatchPartition(batchSize: 3, work: work, threads: 8).slices, [0..<1, 1..<2, 2..<3])
        XCTAssertEqual(BatchPartition(batchSize: 7, work: work, threads: 1).slices, [0..<7])
    }

    func testScheduleRunsIndependentCallsAtOnceWhenTogetherTheyAreWorthThreads() {
        let work = BatchPartition.minimumWork
        let halves = CallSchedule(works: [work / 2, work / 2], threads: 2)
        XCTAssertTrue(halves.isConcurrent)
        XCTAssertEqual(halves.threadsPerCall, 1)
        XCTAssertEqual(CallSchedule(works: [work, work], threads: 8).threadsPerCall, 4)

        XCTAssertFalse(CallSchedule(works: [work / 4, work / 4], threads: 2).isConcurrent, "too small for threads")
        XCTAssertFalse(CallSchedule(works: [work, work], threads: 1).isConcurrent, "one thread")
        let alone = CallSchedule(works: [4 * work], threads: 2)
        XCTAssertFalse(alone.isConcurrent, "one call splits its own batch")
        XCTAssertEqual(alone.threadsPerCall, 2)
    }

    func testScheduledResultsKeepCallOrder() {
        let work = BatchPartition.minimumWork
        for schedule in [CallSchedule(works: [work, work, work], threads: 2), CallSchedule(works: [1, 1, 1], threads: 2)] {
            XCTAssertEqual(schedule.map { index -> Int in
                usleep(UInt32(3 - index) * 1_000)
                return index * 10
            }, [0, 10, 20])
        }
    }

    func testConcurrentBidirectionalMatchesItsHalvesCalledOneAfterTheOther() throws {
        // Big enough that the halves run at once: 16 sequences of 20 steps through LSTM(64), masked,
        // from given initial states.
        let batchSize = 16, timesteps = 20, features = 10, units = 64
        let layer = Bidirectional(LSTM(units: units, returnState: true))
        let calls = [1, 2].map { _ in timesteps * batchSize * 4 * units * units }
        guard CallSchedule(works: calls, threads: BLASThreads.count).isConcurrent else {
            throw XCTSkip("OpenBLAS runs on one thread here, so the halves run one after the other")
        }
        let isReal = (0..<batchSize).flatMap { b in (0..<timesteps).map { t in t < timesteps - b % 5 } }
        let mask = SequenceMask(batchSize: batchSize, timesteps: timesteps, isReal: isReal)
        let x = Tensor.randomNormal(shape: [batchSize, timesteps, features]).withMask(mask)
        let states = (0..<4).map { _ in Tensor.randomNormal(shape: [batchSize, units]) }
        let upstream = Tensor.randomNormal(shape: [batchSize, 2 * units])
        _ = layer.callWithState(x, initialState: states)
        let forward = layer.forwardLayer.reversedCopy().reversedCopy(), backward = layer.forwardLayer.reversedCopy()
        try forward.setWeights(layer.forwardLayer.weights)
        try backward.setWeights(layer.backwardLayer.weights)

        let (value, inputGradients, weightGradients) = valueWithGradient(at: [x] + states, of: layer) { xs, layer in
            let (output, finalStates) = layer.callWithState(xs[0], initialState: Array(xs[1...]))
            return finalStates.reduce((output * upstream).sum()) { $0 + $1.sum() }
        }
        /// The same loss from the halves called one after the other, each splitting its own batch.
        func loss(_ xs: [Tensor]) -> Tensor {
            let f = forward.callWithState(xs[0], initialState: Array(xs[1...2]))
            let b = backward.callWithState(xs[0], initialState: Array(xs[3...4]))
            let merged = Tensor(concatenating: [f.output, b.output], alongAxis: -1)
            return (f.states + b.states).reduce((merged * upstream).sum()) { $0 + $1.sum() }
        }
        let (expectedValue, expectedInputGradients, _) = valueWithGradient(at: [x] + states, of: forward) { xs, _ in loss(xs) }
        let (_, expectedWeightGradients) = valueWithGradient(of: [forward, backward]) { loss([x] + states) }

        assertClose(value, expectedValue, tolerance: 1e-3)
        XCTAssertEqual(inputGradients.count, 5)
        for (gradient, expected) in zip(inputGradients, expectedInputGradients) { assertClose(gradient, expected, tolerance: 1e-5) }
        XCTAssertEqual(weightGradients.count, 6)
        for (gradient, expected) in zip(weightGradients, expectedWeightGradients) { assertClose(gradient, expected, tolerance: 1e-4) }
    }

    func testOverlappingSingleThreadedSectionsRestoreOpenBLASThreadCount() throws {
        let before = BLASThreads.count
        guard before > 1 else { throw XCTSkip("OpenBLAS already runs on one thread here") }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            BLASThreads.withSingleThreadedBLAS {
                XCTAssertEqual(BLASThreads.count, 1)
                usleep(2_000)
            }
        }
        XCTAssertEqual(BLASThreads.count, before)
    }

    func testSplitLSTMMatchesEachSequenceRunAlone() throws {
        try assertSplitRunMatchesRowByRow(LSTM(units: 128, returnSequences: true, returnState: true))
    }

    func testSplitGRUMatchesEachSequenceRunAloneIncludingMaskedSteps() throws {
        try assertSplitRunMatchesRowByRow(GRU(units: 128, returnSequences: true, returnState: true), masked: true)
    }

    func testSplitBackwardSimpleRNNMatchesEachSequenceRunAlone() throws {
        try assertSplitRunMatchesRowByRow(SimpleRNN(units: 256, returnState: true, goBackwards: true), masked: true)
    }

    // MARK: Helpers

    /// Runs `layer` on a batch big enough to be split and compares every row's output and states
    /// with a run of that row alone (which stays on one thread).
    private func assertSplitRunMatchesRowByRow(_ layer: RecurrentLayer, masked: Bool = false,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let batchSize = 16, timesteps = 20, features = 10
        let work = timesteps * batchSize * layer.cell.gateCount * layer.units * layer.units
        guard BatchPartition(batchSize: batchSize, work: work, threads: BLASThreads.count).isParallel else {
            throw XCTSkip("OpenBLAS runs on one thread here, so recurrent layers do not split the batch")
        }
        XCTAssertFalse(BatchPartition(batchSize: 1, work: work / batchSize, threads: BLASThreads.count).isParallel)

        let values = Tensor.randomNormal(shape: [batchSize, timesteps, features])
        // Row b has its last b % 4 steps masked.
        let isReal = (0..<batchSize).flatMap { b in (0..<timesteps).map { t in !masked || t < timesteps - b % 4 } }
        let mask = masked ? SequenceMask(batchSize: batchSize, timesteps: timesteps, isReal: isReal) : nil
        let (output, states) = layer.callWithState(values.withMask(mask))

        let perRow = output.scalars.count / batchSize
        for b in 0..<batchSize {
            let rowValues = Tensor(shape: [1, timesteps, features],
                                   scalars: Array(values.scalars[b * timesteps * features..<(b + 1) * timesteps * features]))
            let rowMask = mask.map { _ in SequenceMask(batchSize: 1, timesteps: timesteps,
                                                       isReal: Array(isReal[b * timesteps..<(b + 1) * timesteps])) }
            let (rowOutput, rowStates) = layer.callWithState(rowValues.withMask(rowMask))
            assertClose(Array(output.scalars[b * perRow..<(b + 1) * perRow]), rowOutput.scalars,
                        tolerance: 1e-6, file: file, line: line)
            for (state, rowState) in zip(states, rowStates) {
                assertClose(Array(state.scalars[b * layer.units..<(b + 1) * layer.units]), rowState.scalars,
                            tolerance: 1e-6, file: file, line: line)
            }
        }
    }
}
