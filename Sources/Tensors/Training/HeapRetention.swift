internal import CKernels

/// Malloc's setting for training: from the first tape on, freed blocks of up to 32 MiB stay in the
/// heap for the next step instead of going back to the kernel and faulting in again (see heap.c).
enum HeapRetention {
    /// Whether glibc took the setting; evaluated once, on first use.
    static let isEnabled: Bool = folio_retain_freed_memory() != 0
}
