// The training step's products laid out other ways, for the levers T22 and T23 in BENCHMARKS.md:
// one thread's half of the training step's LSTM(64) (16 sequences of 100 steps, 64 features).
//
//   cc -O2 Benchmarks/training_products.c -o /tmp/training_products -lopenblas
//   OPENBLAS_NUM_THREADS=1 /tmp/training_products
//
// 1. Each forward step's two products into the gates, the input projection (k = 64 features) and
//    the recurrent product (k = 64 units), against one product over the stacked [x; h] (k = 128).
// 2. The weight gradients over all timesteps (kernel, recurrent kernel: xᵀ-history · dzᵀ and
//    h-history · dzᵀ, k = 1,600 columns) and the input gradient (dzᵀ · kernel): three products as
//    the engine computes them, the same in chunks of 320 columns (as if computed while the chunk's
//    gradients were still in cache), and chunked with the two weight gradients stacked into one.
//    Before each run the caches are flushed, then the operands read once, as the backward loop
//    leaves them.
// Each figure is the best of 15 runs, in ms.
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ROWS = 16, STEPS = 100, FEATURES = 64, UNITS = 64, WIDTH = 4 * UNITS, COLUMNS = ROWS * STEPS, CHUNK = 320 };

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static float *random_floats(long count) {
    float *values = aligned_alloc(64, count * sizeof(float));
    for (long i = 0; i < count; i++) values[i] = rand() / (float)RAND_MAX - 0.5f;
    return values;
}

static float *flush_buffer;
enum { FLUSH_FLOATS = 16 << 20 };

static void read_once(float *values, long count) {
    volatile float sum = 0;
    for (long i = 0; i < count; i += 16) sum += values[i];
}

// stacked: [x; h] rows (FEATURES + UNITS, COLUMNS); gradients: dz (WIDTH, COLUMNS); kernels (WIDTH, FEATURES + UNITS).
static float *stacked, *gradients, *kernels, *gates, *weight_gradients, *input_gradient;

static void forward_two_products(void) {
    for (int s = 0; s < STEPS; s++) {
        float *step_gates = gates + s * WIDTH * ROWS, *x = stacked + s * ROWS;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, WIDTH, ROWS, FEATURES, 1, kernels, FEATURES + UNITS,
                    x, COLUMNS, 1, step_gates, ROWS);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, WIDTH, ROWS, UNITS, 1, kernels + FEATURES, FEATURES + UNITS,
                    x + FEATURES * COLUMNS, COLUMNS, 1, step_gates, ROWS);
    }
}

static void forward_stacked_product(void) {
    for (int s = 0; s < STEPS; s++) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, WIDTH, ROWS, FEATURES + UNITS, 1, kernels, FEATURES + UNITS,
                    stacked + s * ROWS, COLUMNS, 1, gates + s * WIDTH * ROWS, ROWS);
    }
}

// Weight gradients of the columns [first, first + count) and their input gradient.
static void backward_products(int first, int count, int stack) {
    for (int part = 0; part < (stack ? 1 : 2); part++) {
        int rows = stack ? FEATURES + UNITS : (part == 0 ? FEATURES : UNITS);
        long offset = part * FEATURES;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, WIDTH, count, 1, stacked + offset * COLUMNS + first, COLUMNS,
                    gradients + first, COLUMNS, 1, weight_gradients + offset * WIDTH, WIDTH);
    }
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, count, FEATURES, WIDTH, 1, gradients + first, COLUMNS,
                kernels, FEATURES + UNITS, 0, input_gradient + first * FEATURES, FEATURES);
}

static void backward_whole(void) { backward_products(0, COLUMNS, 0); }

static void backward_chunked(void) {
    for (int first = COLUMNS - CHUNK; first >= 0; first -= CHUNK) backward_products(first, CHUNK, 0);
}

static void backward_chunked_stacked(void) {
    for (int first = COLUMNS - CHUNK; first >= 0; first -= CHUNK) backward_products(first, CHUNK, 1);
}

static double best_ms(void (*run)(void), int cold) {
    double best = 1e9;
    for (int trial = 0; trial < 15; trial++) {
        if (cold) {
            read_once(flush_buffer, FLUSH_FLOATS);
            read_once(stacked, (long)(FEATURES + UNITS) * COLUMNS);
            read_once(gradients, (long)WIDTH * COLUMNS);
        }
        double start = now_ms();
        run();
        double elapsed = now_ms() - start;
        if (elapsed < best) best = elapsed;
    }
    return best;
}

int main(void) {
    flush_buffer = random_floats(FLUSH_FLOATS);
    stacked = random_floats((long)(FEATURES + UNITS) * COLUMNS);
    gradients = random_floats((long)WIDTH * COLUMNS);
    kernels = random_floats(WIDTH * (FEATURES + UNITS));
    gates = random_floats((long)WIDTH * COLUMNS);
    weight_gradients = random_floats((FEATURES + UNITS) * WIDTH);
    input_gradient = random_floats((long)COLUMNS * FEATURES);
    double forward_flops = 2.0 * STEPS * WIDTH * ROWS * (FEATURES + UNITS), backward_flops = 1.5 * forward_flops;
    struct { const char *name; void (*run)(void); double flops; int cold; } cases[] = {
        {"forward: two products a step", forward_two_products, forward_flops, 0},
        {"forward: one stacked product a step", forward_stacked_product, forward_flops, 0},
        {"backward: three products, whole", backward_whole, backward_flops, 1},
        {"backward: three products, chunked", backward_chunked, backward_flops, 1},
        {"backward: chunked, weights stacked", backward_chunked_stacked, backward_flops, 1},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double ms = best_ms(cases[i].run, cases[i].cold);
        printf("%-40s %7.3f ms  %6.1f GFLOP/s\n", cases[i].name, ms, cases[i].flops / ms / 1e6);
    }
    return 0;
}
