// How the C heap keeps memory the engine frees.
#ifndef FOLIO_HEAP_H
#define FOLIO_HEAP_H

/// Makes malloc keep freed blocks of up to 32 MiB in the heap instead of returning them to the
/// kernel; returns 0 when glibc refuses a setting.
int folio_retain_freed_memory(void);

#endif
