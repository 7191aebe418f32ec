// A training step frees and reallocates the same megabyte-sized buffers (an embedding table's
// gradient, the optimizer's temporaries) every step. glibc returns such blocks to the kernel, by
// munmap above its mmap threshold or by trimming the heap's top, so each step faulted them back
// in, zeroed page by page: a quarter of the time of a small model's step (BENCHMARKS.md). Kept in
// the heap, they are reused; resident memory stays at the largest step's, it does not grow.
#include "heap.h"

#include <malloc.h>

int folio_retain_freed_memory(void) {
    // 32 MiB is glibc's largest mmap threshold on 64-bit; larger blocks are still mapped.
    int mapped = mallopt(M_MMAP_THRESHOLD, 32 << 20);
    int trimmed = mallopt(M_TRIM_THRESHOLD, 256 << 20);
    return mapped && trimmed;
}
