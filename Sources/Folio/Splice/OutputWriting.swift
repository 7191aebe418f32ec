/// Writing a run's outputs into a notebook that its author may have edited while it ran.
///
/// A run takes time, and an editor may save the file meanwhile (or a cell may write to its own
/// notebook). The outputs belong to the cells as they were read; they are spliced into the file as it
/// is when the run ends if its cells are still the ones that ran, and otherwise not written at all.
extension Document {
    /// The notebook as its file is now, when the results of running this document still apply to it:
    /// the same seed and the same cells, in the same order, with the same code and options. Prose,
    /// front matter other than the seed and output blocks may differ. Throws when they do not apply,
    /// or when the file can no longer be read or parsed.
    public func reloaded() throws(NotebookChangedError) -> Document {
        guard let now = fileBytes(atPath: path) else { throw NotebookChangedError(path: path) }
        return try reloaded(from: now)
    }

    /// Writes the outputs and figure lines of `results` (one per cell, as `splicing(results:)` takes
    /// them) into the notebook's file as it is now, atomically and never over an edit: the file is
    /// compared right before it is replaced, and spliced again when it changed in between. Returns
    /// whether the file changed. Throws `.changed` when the cells that ran are no longer the file's
    /// (the file is then left alone), `.cannotWrite` when it cannot be written.
    @discardableResult
    public func writeResults(_ results: [CellResult]) throws(OutputWriteError) -> Bool {
        // An editor saving in a loop could keep the file moving; a few tries are plenty for a save.
        for _ in 0..<Self.writeAttempts {
            guard let now = fileBytes(atPath: path) else { throw .changed(NotebookChangedError(path: path)) }
            let current: Document
            do {
                current = try reloaded(from: now)
            } catch {
                throw .changed(error)
            }
            let spliced: [UInt8]
            do {
                spliced = try current.splicing(results: results)
            } catch {
                throw .changed(NotebookChangedError(path: path))
            }
            guard spliced != now else { return false }
            do {
                if try AtomicFile.replace(path, with: spliced, ifStill: now) { return true }
            } catch {
                throw .cannotWrite(error)
            }
        }
        throw .changed(NotebookChangedError(path: path))
    }

    private static let writeAttempts = 5

    private func reloaded(from now: [UInt8]) throws(NotebookChangedError) -> Document {
        if now == bytes { return self }
        guard let current = try? Document(path: path, bytes: now), current.runsLike(self) else {
            throw NotebookChangedError(path: path)
        }
        return current
    }

    /// Whether running this document gives the results of running `other`.
    private func runsLike(_ other: Document) -> Bool {
        seed == other.seed && cells.count == other.cells.count
            && zip(cells, other.cells).allSatisfy { $0.code == $1.code && $0.options == $1.options }
    }
}

/// A notebook whose cells changed while it ran: the results belong to code that is no longer there.
public struct NotebookChangedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String

    public var description: String { "\(path): error: changed while running; outputs not written; run again" }
}

/// Why a run's outputs were not written into its notebook.
public enum OutputWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cells changed during the run; the file was left alone.
    case changed(NotebookChangedError)
    /// The file could not be replaced (read-only, disk full); it is intact.
    case cannotWrite(AtomicWriteError)

    public var description: String {
        switch self {
        case .changed(let error): error.description
        case .cannotWrite(let error): error.description
        }
    }
}
