// Embedding's lookup alone: 25,600 rows of 128 floats gathered from a (10000, 128) table, for the
// Embedding levers in BENCHMARKS.md. Each way of copying a row, on one thread and on two.
//
//   clang -O2 -pthread Benchmarks/row_gather.c -o /tmp/row_gather && /tmp/row_gather
//
// clang, as SwiftPM compiles Sources/CKernels with it: gcc ignores `no_builtin` and does not
// vectorize the inline loop at -O2.
//
// memcpy: one memcpy call per row (what Swift's `initialize(from:count:)` does); inline: a loop
// the compiler vectorizes (what `folio_gather_rows` does); non-temporal: AVX-512 streaming stores;
// prefetch: memcpy after prefetching the row 8 ahead. Each figure is the best of 101 runs, in ms.
#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { VOCABULARY = 10000, WIDTH = 128, ROWS = 256 * 100, PREFETCH_DISTANCE = 8 };

static float *table, *out;
static int32_t *ids;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void with_memcpy(long first, long end) {
    for (long row = first; row < end; row++) memcpy(out + row * WIDTH, table + (long)ids[row] * WIDTH, WIDTH * sizeof(float));
}

__attribute__((target("avx512f"), no_builtin("memcpy")))
static void with_inline_loop(long first, long end) {
    for (long row = first; row < end; row++) {
        const float *restrict source = table + (long)ids[row] * WIDTH;
        float *restrict destination = out + row * WIDTH;
        for (long i = 0; i < WIDTH; i++) destination[i] = source[i];
    }
}

__attribute__((target("avx512f")))
static void with_streaming_stores(long first, long end) {
    for (long row = first; row < end; row++) {
        const float *source = table + (long)ids[row] * WIDTH;
        for (long i = 0; i < WIDTH; i += 16) _mm512_stream_ps(out + row * WIDTH + i, _mm512_loadu_ps(source + i));
    }
    _mm_sfence();
}

static void with_prefetch(long first, long end) {
    for (long row = first; row < end; row++) {
        if (row + PREFETCH_DISTANCE < end) {
            const char *next = (const char *)(table + (long)ids[row + PREFETCH_DISTANCE] * WIDTH);
            for (int line = 0; line < WIDTH * 4; line += 64) __builtin_prefetch(next + line);
        }
        memcpy(out + row * WIDTH, table + (long)ids[row] * WIDTH, WIDTH * sizeof(float));
    }
}

typedef void (*gather)(long, long);
static gather current;

static void *second_half(void *unused) {
    (void)unused;
    current(ROWS / 2, ROWS);
    return NULL;
}

static double best_ms(gather run, int threads) {
    current = run;
    double best = 1e9;
    for (int trial = 0; trial < 101; trial++) {
        double start = now_ms();
        if (threads == 1) {
            run(0, ROWS);
        } else {
            pthread_t helper;
            pthread_create(&helper, NULL, second_half, NULL);
            run(0, ROWS / 2);
            pthread_join(helper, NULL);
        }
        double elapsed = now_ms() - start;
        if (elapsed < best) best = elapsed;
    }
    return best;
}

int main(void) {
    table = aligned_alloc(64, (size_t)VOCABULARY * WIDTH * sizeof(float));
    out = aligned_alloc(64, (size_t)ROWS * WIDTH * sizeof(float));
    ids = malloc(ROWS * sizeof(int32_t));
    for (long i = 0; i < (long)VOCABULARY * WIDTH; i++) table[i] = (float)i;
    srand(7);
    for (long i = 0; i < ROWS; i++) ids[i] = rand() % VOCABULARY;
    const struct { const char *name; gather run; } ways[] = {
        {"memcpy", with_memcpy}, {"inline", with_inline_loop},
        {"non-temporal", with_streaming_stores}, {"prefetch", with_prefetch},
    };
    printf("%-14s %10s %10s   (best of 101, ms)\n", "row copy", "1 thread", "2 threads");
    for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++)
        printf("%-14s %10.3f %10.3f\n", ways[i].name, best_ms(ways[i].run, 1), best_ms(ways[i].run, 2));
    return 0;
}
