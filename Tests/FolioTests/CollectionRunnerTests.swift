import Folio
import XCTest

final class CollectionRunnerTests: XCTestCase {
    /// Counts how many bodies run at once.
    private actor Concurrency {
        private(set) var current = 0
        private(set) var peak = 0
        func enter() { current += 1; peak = max(peak, current) }
        func leave() { current -= 1 }
    }

    /// Records progress calls.
    private final class Recorder: BatchProgress, @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func started(_ path: String, position: Int, of total: Int) { lock.withLock { events.append("start \(path) of \(total)") } }
        func finished(_ path: String, position: Int, disposition: NotebookDisposition, duration: Duration, done: Int, of total: Int) {
            lock.withLock { events.append("done \(path) \(disposition) \(done)/\(total)") }
        }
        var recorded: [String] { lock.withLock { events } }
    }

    private let paths = (0..<9).map { "n\($0).md" }

    /// Later notebooks finish first, so completion order is the reverse of input order.
    private func body(_ concurrency: Concurrency) -> @Sendable (String) async -> (String, NotebookDisposition) {
        { path in
            await concurrency.enter()
            let number = Int(path.dropFirst().prefix { $0.isNumber })!
            try? await Task.sleep(for: .milliseconds(5 * (9 - number)))
            await concurrency.leave()
            let disposition: NotebookDisposition = number % 3 == 0 ? .cached : (number == 4 ? .failed : .ran)
            return ("result of \(path)", disposition)
        }
    }

    func testOutcomesAreInInputOrderWhateverOrderTheyFinish() async {
        let parallel = await BatchRunner(jobs: 3).run(paths, body: body(Concurrency()))
        let serial = await BatchRunner(jobs: 1).run(paths, body: body(Concurrency()))
        XCTAssertEqual(parallel.outcomes, paths.map { "result of \($0)" })
        XCTAssertEqual(parallel.outcomes, serial.outcomes)
    }

    func testNeverRunsMoreThanJobsAtOnceAndUsesThemAll() async {
        let concurrency = Concurrency()
        _ = await BatchRunner(jobs: 2).run(paths, body: body(concurrency))
        let peak = await concurrency.peak
        XCTAssertEqual(peak, 2)
    }

    func testSummaryCountsEachDisposition() async {
        let summary = await BatchRunner(jobs: 4).run(paths, body: body(Concurrency())).summary
        XCTAssertEqual(summary.notebooks, 9)
        XCTAssertEqual(summary.cached, 3)
        XCTAssertEqual(summary.failed, 1)
        XCTAssertEqual(summary.ran, 5)
        XCTAssertGreaterThan(summary.duration, .zero)
    }

    func testProgressHearsEveryStartAndFinish() async {
        let recorder = Recorder()
        _ = await BatchRunner(jobs: 1).run(Array(paths.prefix(2)), progress: recorder, body: body(Concurrency()))
        XCTAssertEqual(recorder.recorded, ["start n0.md of 2", "done n0.md cached 1/2", "start n1.md of 2", "done n1.md ran 2/2"])
    }

    func testSummaryLineFormat() {
        var summary = BatchSummary()
        summary.ran = 3
        summary.cached = 196
        summary.failed = 1
        summary.duration = .milliseconds(1_074)
        XCTAssertEqual(summary.description, "200 notebooks: 3 run, 196 cached, 1 failed in 1.07 s")
        var one = BatchSummary()
        one.cached = 1
        one.duration = .milliseconds(5)
        XCTAssertEqual(one.description, "1 notebook: 0 run, 1 cached, 0 failed in 0.01 s")
    }
}
