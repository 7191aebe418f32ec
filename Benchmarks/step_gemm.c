// The product of one recurrent step, as OpenBLAS's small-matrix kernels compute it, for the levers
// in BENCHMARKS.md: LSTM(256) on 16 sequences (one thread's half of a 32-sequence batch), 100 steps.
//
//   cc -O2 Benchmarks/step_gemm.c -o /tmp/step_gemm -lopenblas && OPENBLAS_NUM_THREADS=1 /tmp/step_gemm
//
// 1. Orientation: batch-major (16, k) x (k, 1024) in column blocks, as the layers computed it
//    before, against unit-major (1024, k) x (k, 16) in row blocks, as they do now; k = 100 (the
//    input projection) and k = 256 (the recurrent product).
// 2. Alignment: the unit-major recurrent product with its operands on a 64-byte line boundary or
//    48 bytes past one, as malloc may place them.
// Each figure is the best of 5 runs of 100 steps, in ms.
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ROWS = 16, WIDTH = 1024, STEPS = 100, MAX_K = 256, PAD = 16 };

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static float *random_floats(long count) {
    float *values = aligned_alloc(64, (count + PAD) * sizeof(float));
    for (long i = 0; i < count + PAD; i++) values[i] = rand() / (float)RAND_MAX - 0.5f;
    return values;
}

static void batch_major(int k, int block, const float *x, const float *kernel, float *out) {
    for (int column = 0; column < WIDTH; column += block)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, ROWS, block, k, 1, x, k, kernel + column, WIDTH,
                    1, out + column, WIDTH);
}

static void unit_major(int k, int block, const float *kernel_t, const float *x_t, float *out) {
    for (int row = 0; row < WIDTH; row += block)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, block, ROWS, k, 1, kernel_t + row * k, k, x_t, ROWS,
                    1, out + row * ROWS, ROWS);
}

typedef void (*product)(int, int, const float *, const float *, float *);

static double best_ms(product run, int k, int block, const float *a, const float *b, float *out) {
    double best = 1e9;
    for (int trial = 0; trial < 5; trial++) {
        double start = now_ms();
        for (int step = 0; step < STEPS; step++) run(k, block, a, b, out);
        double elapsed = now_ms() - start;
        if (elapsed < best) best = elapsed;
    }
    return best;
}

int main(void) {
    float *kernel = random_floats(MAX_K * WIDTH), *x = random_floats(ROWS * MAX_K), *out = random_floats(ROWS * WIDTH);
    // The layers' block sizes: the largest power of two within OpenBLAS's small-matrix limit (100^3).
    printf("orientation       k=100    k=256   (ms per %d steps, one thread)\n", STEPS);
    printf("batch-major    %8.2f %8.2f\n", best_ms(batch_major, 100, 512, x, kernel, out),
           best_ms(batch_major, 256, 128, x, kernel, out));
    printf("unit-major     %8.2f %8.2f\n", best_ms(unit_major, 100, 512, kernel, x, out),
           best_ms(unit_major, 256, 128, kernel, x, out));
    printf("alignment of the unit-major k=256 product\n");
    printf("on a line      %8.2f\n", best_ms(unit_major, 256, 128, kernel, x, out));
    printf("48 bytes past  %8.2f\n", best_ms(unit_major, 256, 128, kernel + 12, x + 12, out + 12));
    return 0;
}
