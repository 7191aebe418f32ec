// The machine's fp32 peak: every core runs independent FMA chains in the widest vectors the CPU has
// (AVX-512 when present, else AVX2/FMA), and the program prints GFLOP/s for all cores together.
// Built and run by Benchmarks/peers.py:  cc -O2 -pthread Benchmarks/peak_fp32.c -o peak && ./peak
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

enum { CHAINS = 12, ITERATIONS = 400000000 / CHAINS };

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

// 12 chains cover the FMA latency (4 cycles) times two pipes with room to spare.
__attribute__((target("avx512f"))) static float fma512(long n) {
    __m512 acc[CHAINS], x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS; c++) acc[c] = _mm512_set1_ps((float)c);
    for (long i = 0; i < n; i++)
#pragma GCC unroll 12
        for (int c = 0; c < CHAINS; c++) acc[c] = _mm512_fmadd_ps(acc[c], x, y);
    float sum = 0;
    for (int c = 0; c < CHAINS; c++) sum += _mm512_reduce_add_ps(acc[c]);
    return sum;
}

__attribute__((target("avx2,fma"))) static float fma256(long n) {
    __m256 acc[CHAINS], x = _mm256_set1_ps(0.999999f), y = _mm256_set1_ps(1e-7f);
    for (int c = 0; c < CHAINS; c++) acc[c] = _mm256_set1_ps((float)c);
    for (long i = 0; i < n; i++)
#pragma GCC unroll 12
        for (int c = 0; c < CHAINS; c++) acc[c] = _mm256_fmadd_ps(acc[c], x, y);
    float sum = 0, lanes[8];
    for (int c = 0; c < CHAINS; c++) {
        _mm256_storeu_ps(lanes, acc[c]);
        for (int l = 0; l < 8; l++) sum += lanes[l];
    }
    return sum;
}

static int wide;
static volatile float sink;

static void *work(void *unused) {
    (void)unused;
    sink = wide ? fma512(ITERATIONS) : fma256(ITERATIONS);
    return NULL;
}

int main(void) {
    __builtin_cpu_init();
    wide = __builtin_cpu_supports("avx512f");
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores > 64) cores = 64;
    pthread_t threads[64];
    work(NULL);  // warm-up: clocks up the core
    double best = 0;
    for (int round = 0; round < 5; round++) {
        double start = seconds();
        for (long t = 0; t < cores; t++) pthread_create(&threads[t], NULL, work, NULL);
        for (long t = 0; t < cores; t++) pthread_join(threads[t], NULL);
        double flops = 2.0 * (wide ? 16 : 8) * CHAINS * (double)ITERATIONS * cores;
        double rate = flops / (seconds() - start) / 1e9;
        if (rate > best) best = rate;
    }
    printf("{\"cores\": %ld, \"vector\": \"%s\", \"gflops\": %.1f}\n", cores, wide ? "avx512" : "avx2", best);
    return 0;
}
