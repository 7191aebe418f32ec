import Foundation
import XCTest
@testable import Tensors

/// The batch split of recurrent layers across threads: when it happens, that OpenBLAS is held to
/// one thread around it and restored, and that a split run computes what each sequence computes
/// on its own.
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
