import Folio

/// An error whose description is already a compiler-style message (`file.md:12: error: ...`),
/// printed as it is rather than behind ArgumentParser's `Error: ` prefix.
protocol Diagnosed: Error, CustomStringConvertible {}

extension DocumentError: Diagnosed {}
extension ExecutorError: Diagnosed {}
extension AtomicWriteError: Diagnosed {}
extension ToolchainError: Diagnosed {}
