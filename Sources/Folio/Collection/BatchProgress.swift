/// Receives a batch's progress as notebooks start and finish. Called from concurrent tasks.
public protocol BatchProgress: Sendable {
    /// The notebook at `position` (from 0) of the batch's `total` starts.
    func started(_ path: String, position: Int, of total: Int)
    /// The notebook at `position` finished; `done` notebooks have finished, this one included.
    func finished(_ path: String, position: Int, disposition: NotebookDisposition, duration: Duration, done: Int, of total: Int)
}
