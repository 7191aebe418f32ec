/// Receives a batch's progress as notebooks start and finish. Called from concurrent tasks.
public protocol BatchProgress: Sendable {
    /// `path` starts; the batch has `total` notebooks.
    func started(_ path: String, of total: Int)
    /// `done` notebooks of `total` have finished, this one included.
    func finished(_ path: String, disposition: NotebookDisposition, duration: Duration, done: Int, of total: Int)
}
