/// Runs a list of notebooks with at most `jobs` of them in flight at once, and returns their
/// outcomes in the order of the list, whatever order they finish in, so `--jobs N` reports exactly
/// what `--jobs 1` does.
public struct BatchRunner: Sendable {
    public let jobs: Int

    public init(jobs: Int) {
        precondition(jobs >= 1, "BatchRunner: jobs must be at least 1, got \(jobs)")
        self.jobs = jobs
    }

    /// Calls `body` once per path; `body` says how the notebook ended for progress and the summary.
    public func run<Outcome: Sendable>(
        _ paths: [String],
        progress: (any BatchProgress)? = nil,
        body: @escaping @Sendable (String) async -> (Outcome, NotebookDisposition)
    ) async -> BatchResult<Outcome> {
        let clock = ContinuousClock()
        let start = clock.now
        var outcomes = [Outcome?](repeating: nil, count: paths.count)
        var summary = BatchSummary()
        await withTaskGroup(of: (Int, Outcome, NotebookDisposition, Duration).self) { group in
            var next = 0
            while next < paths.count || !group.isEmpty {
                while next < paths.count, next - summary.notebooks < jobs {
                    let index = next
                    next += 1
                    progress?.started(paths[index], position: index, of: paths.count)
                    group.addTask {
                        let began = clock.now
                        let (outcome, disposition) = await body(paths[index])
                        return (index, outcome, disposition, clock.now - began)
                    }
                }
                guard let (index, outcome, disposition, duration) = await group.next() else { break }
                outcomes[index] = outcome
                summary.count(disposition)
                progress?.finished(paths[index], position: index, disposition: disposition, duration: duration,
                                   done: summary.notebooks, of: paths.count)
            }
        }
        summary.duration = clock.now - start
        return BatchResult(outcomes: outcomes.map { $0! }, summary: summary)
    }
}

/// How one notebook of a batch ended.
public enum NotebookDisposition: Hashable, Sendable {
    /// Executed, and everything went as the cells expect.
    case ran
    /// Results taken from the cache, not executed.
    case cached
    /// Executed (or cached) with a failing cell, a stale output, or unreadable input.
    case failed
}

/// The outcomes of a batch, in the order the notebooks were given, and its totals.
public struct BatchResult<Outcome: Sendable>: Sendable {
    public var outcomes: [Outcome]
    public var summary: BatchSummary
}

/// Totals of a batch: the last line `folio` prints on stderr.
public struct BatchSummary: Hashable, Sendable, CustomStringConvertible {
    public var ran = 0
    public var cached = 0
    public var failed = 0
    public var duration: Duration = .zero

    public init() {}

    public var notebooks: Int { ran + cached + failed }

    mutating func count(_ disposition: NotebookDisposition) {
        switch disposition {
        case .ran: ran += 1
        case .cached: cached += 1
        case .failed: failed += 1
        }
    }

    /// `N notebooks: X run, Y cached, Z failed in T s`.
    public var description: String {
        "\(notebooks) notebook\(notebooks == 1 ? "" : "s"): \(ran) run, \(cached) cached, \(failed) failed in \(duration.secondsText) s"
    }
}

extension Duration {
    /// Seconds with two decimals, e.g. `1.07`.
    var secondsText: String {
        let hundredths = (Double(components.seconds) + Double(components.attoseconds) / 1e18) * 100
        let rounded = Int(hundredths.rounded())
        let fraction = rounded % 100
        return "\(rounded / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
