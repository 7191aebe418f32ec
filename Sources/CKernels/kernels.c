// Swift cannot compile one function for several instruction sets, and the engine is built for
// baseline x86-64, where these loops run 4 floats wide. Here each entry point is cloned for
// AVX-512, AVX2 and the baseline, and the loader picks the widest clone the CPU runs.
//
// Every clone computes bit-for-bit the same floats, so a notebook prints the same digits on
// every CPU: the loops only apply the same scalar operations to more lanes at once, and
// contraction into fused multiply-adds (which rounds differently) is off.
#include "kernels.h"

#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

#if defined(__x86_64__)
#define VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define VECTOR_CLONES
#endif

// Swift.min and Swift.max: a NaN in `x` passes through.
static inline float minimum(float x, float bound) { return bound < x ? bound : x; }
static inline float maximum(float x, float bound) { return bound >= x ? bound : x; }

/// e^x by the Cephes expf polynomial (about 1 ulp), without calls or branches so loops over it
/// vectorize; x is clamped to [-87.3, 88.3] so the result stays a normal, finite float.
static inline float fast_exp(float x) {
    float clamped = minimum(maximum(x, -87.3f), 88.3f);
    // Round x·log2(e) to an integer n by adding 1.5·2^23: the sum's low mantissa bits then hold n.
    float shifted = clamped * 1.44269504f + 12582912.0f;
    float n = shifted - 12582912.0f;
    // x − n·ln2 in two parts (Cody–Waite) so r keeps full precision.
    float r = clamped - n * 0.693359375f + n * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    float exp_r = p * (r * r) + r + 1.0f;
    // 2^n: n + 127 in the exponent field; the shift drops the magic constant's high bits.
    uint32_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 127u) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return exp_r * scale;
}

static inline float fast_sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

/// tanh as 1 − 2 / (e^{2x} + 1); |x| is clamped to 10, where that gives exactly ±1 as float32 tanh does.
static inline float fast_tanh(float x) {
    return 1.0f - 2.0f / (fast_exp(2.0f * minimum(maximum(x, -10.0f), 10.0f)) + 1.0f);
}

static inline float activate(folio_activation kind, float x) {
    switch (kind) {
    case FOLIO_LINEAR: return x;
    case FOLIO_TANH: return fast_tanh(x);
    case FOLIO_SIGMOID: return fast_sigmoid(x);
    case FOLIO_RELU: return maximum(x, 0.0f);
    case FOLIO_HARD_SIGMOID: return minimum(maximum(x / 6.0f + 0.5f, 0.0f), 1.0f);
    }
    return x;
}

// One loop per kind, so each loop body is branch-free and vectorizes.
#define FOR_EACH_KIND(kind, ...)                                                                    \
    switch (kind) {                                                                                 \
    case FOLIO_LINEAR: { const folio_activation KIND = FOLIO_LINEAR; __VA_ARGS__; } break;          \
    case FOLIO_TANH: { const folio_activation KIND = FOLIO_TANH; __VA_ARGS__; } break;              \
    case FOLIO_SIGMOID: { const folio_activation KIND = FOLIO_SIGMOID; __VA_ARGS__; } break;        \
    case FOLIO_RELU: { const folio_activation KIND = FOLIO_RELU; __VA_ARGS__; } break;              \
    case FOLIO_HARD_SIGMOID: { const folio_activation KIND = FOLIO_HARD_SIGMOID; __VA_ARGS__; } break;\
    }

VECTOR_CLONES
void folio_activate(folio_activation kind, float *restrict values, long count) {
    FOR_EACH_KIND(kind, for (long i = 0; i < count; i++) values[i] = activate(KIND, values[i]))
}

VECTOR_CLONES
void folio_lstm_update(const float *restrict input, const float *restrict forget, const float *restrict candidate,
                       const float *restrict output, const float *restrict c_previous, float *restrict c,
                       float *restrict h, long count, folio_activation activation) {
    FOR_EACH_KIND(activation, for (long i = 0; i < count; i++) {
        c[i] = forget[i] * c_previous[i] + input[i] * candidate[i];
        h[i] = activate(KIND, c[i]) * output[i];
    })
}

/// The derivative of `kind` at the input whose output is y.
static inline float slope(folio_activation kind, float y) {
    switch (kind) {
    case FOLIO_LINEAR: return 1.0f;
    case FOLIO_TANH: return 1.0f - y * y;
    case FOLIO_SIGMOID: return y * (1.0f - y);
    case FOLIO_RELU: return y > 0.0f ? 1.0f : 0.0f;
    case FOLIO_HARD_SIGMOID: return y > 0.0f && y < 1.0f ? 1.0f / 6.0f : 0.0f;
    }
    return 1.0f;
}

VECTOR_CLONES
void folio_lstm_backward(const float *restrict gates, const float *restrict c_previous, const float *restrict c,
                         const float *restrict dh, const float *restrict dc_next, float *restrict gate_gradients,
                         long stride, float *restrict dc_previous, long units, long columns,
                         folio_activation activation, folio_activation recurrent_activation) {
    long block = units * columns;
    const float *input = gates, *forget = gates + block, *candidate = gates + 2 * block, *output = gates + 3 * block;
    // One loop per pair of kinds would be 25 clones; the default pair (tanh, sigmoid) gets its own.
    if (activation == FOLIO_TANH && recurrent_activation == FOLIO_SIGMOID) {
        for (long j = 0; j < units; j++) {
            float *di = gate_gradients + j * stride, *df = gate_gradients + (units + j) * stride;
            float *dg = gate_gradients + (2 * units + j) * stride, *dout = gate_gradients + (3 * units + j) * stride;
            for (long b = 0; b < columns; b++) {
                long k = j * columns + b;
                float a = fast_tanh(c[k]);
                float dc = dc_next[k] + dh[k] * output[k] * (1.0f - a * a);
                dout[b] = dh[k] * a * (output[k] * (1.0f - output[k]));
                di[b] = dc * candidate[k] * (input[k] * (1.0f - input[k]));
                df[b] = dc * c_previous[k] * (forget[k] * (1.0f - forget[k]));
                dg[b] = dc * input[k] * (1.0f - candidate[k] * candidate[k]);
                dc_previous[k] = dc * forget[k];
            }
        }
        return;
    }
    for (long j = 0; j < units; j++) {
        float *di = gate_gradients + j * stride, *df = gate_gradients + (units + j) * stride;
        float *dg = gate_gradients + (2 * units + j) * stride, *dout = gate_gradients + (3 * units + j) * stride;
        for (long b = 0; b < columns; b++) {
            long k = j * columns + b;
            float a = activate(activation, c[k]);
            float dc = dc_next[k] + dh[k] * output[k] * slope(activation, a);
            dout[b] = dh[k] * a * slope(recurrent_activation, output[k]);
            di[b] = dc * candidate[k] * slope(recurrent_activation, input[k]);
            df[b] = dc * c_previous[k] * slope(recurrent_activation, forget[k]);
            dg[b] = dc * input[k] * slope(activation, candidate[k]);
            dc_previous[k] = dc * forget[k];
        }
    }
}

VECTOR_CLONES
void folio_gru_backward(const float *restrict gates, const float *restrict h_previous, const float *restrict inner,
                        const float *restrict dh, float *restrict gate_gradients, float *restrict recurrent_gradients,
                        long stride, float *restrict dh_previous, long units, long columns,
                        folio_activation activation, folio_activation recurrent_activation) {
    long block = units * columns;
    const float *update = gates, *reset = gates + block, *candidate = gates + 2 * block;
    for (long j = 0; j < units; j++) {
        float *dz = gate_gradients + j * stride, *dr = gate_gradients + (units + j) * stride;
        float *dhh = gate_gradients + (2 * units + j) * stride;
        float *dz_recurrent = recurrent_gradients + j * stride, *dr_recurrent = recurrent_gradients + (units + j) * stride;
        float *dhh_recurrent = recurrent_gradients + (2 * units + j) * stride;
        const float *inner_row = inner + j * stride;
        for (long b = 0; b < columns; b++) {
            long k = j * columns + b;
            float z = update[k], r = reset[k], hh = candidate[k];
            float d_candidate = dh[k] * (1.0f - z) * slope(activation, hh);
            float d_update = dh[k] * (h_previous[k] - hh) * slope(recurrent_activation, z);
            float d_reset = d_candidate * inner_row[b] * slope(recurrent_activation, r);
            dz[b] = d_update; dr[b] = d_reset; dhh[b] = d_candidate;
            dz_recurrent[b] = d_update; dr_recurrent[b] = d_reset; dhh_recurrent[b] = d_candidate * r;
            dh_previous[k] = dh[k] * z;
        }
    }
}

VECTOR_CLONES
void folio_activation_backward(const float *restrict h, const float *restrict dh, float *restrict dz, long stride,
                               long units, long columns, folio_activation activation) {
    FOR_EACH_KIND(activation, for (long j = 0; j < units; j++) {
        for (long b = 0; b < columns; b++) dz[j * stride + b] = dh[j * columns + b] * slope(KIND, h[j * columns + b]);
    })
}

// `squared` holds g², or is NULL for g · g, computed in a statement of its own so that it is rounded
// before the subtraction (a fused multiply-add would round once).
static inline void adam_update(float *restrict parameter, float *restrict m, float *restrict v,
                               const float *restrict gradient, const float *restrict squared, long count,
                               float alpha, float beta1, float beta2, float epsilon) {
    float keep1 = 1.0f - beta1, keep2 = 1.0f - beta2;
    for (long i = 0; i < count; i++) {
        float g2 = squared ? squared[i] : gradient[i] * gradient[i];
        m[i] += (gradient[i] - m[i]) * keep1;
        v[i] += (g2 - v[i]) * keep2;
        parameter[i] -= (m[i] * alpha) / (__builtin_elementwise_sqrt(v[i]) + epsilon);
    }
}

// The same operations with g = g² = 0, so untouched rows move exactly as a dense zero gradient moves them.
static inline void adam_update_without_gradient(float *restrict parameter, float *restrict m, float *restrict v, long count,
                                                float alpha, float beta1, float beta2, float epsilon) {
    float keep1 = 1.0f - beta1, keep2 = 1.0f - beta2;
    for (long i = 0; i < count; i++) {
        m[i] += (0.0f - m[i]) * keep1;
        v[i] += (0.0f - v[i]) * keep2;
        parameter[i] -= (m[i] * alpha) / (__builtin_elementwise_sqrt(v[i]) + epsilon);
    }
}

VECTOR_CLONES
void folio_adam_update(float *restrict parameter, float *restrict m, float *restrict v, const float *restrict gradient,
                       long count, float alpha, float beta1, float beta2, float epsilon) {
    adam_update(parameter, m, v, gradient, NULL, count, alpha, beta1, beta2, epsilon);
}

VECTOR_CLONES
void folio_adam_update_rows(float *restrict parameter, float *restrict m, float *restrict v, const float *restrict gradient,
                            const int32_t *restrict slots, const float *restrict squared_rows, long rows, long width,
                            float alpha, float beta1, float beta2, float epsilon) {
    long row = 0;
    while (row < rows) {
        long offset = row * width;
        if (slots[row] >= 0) {
            adam_update(parameter + offset, m + offset, v + offset, gradient + offset,
                        squared_rows + (long)slots[row] * width, width, alpha, beta1, beta2, epsilon);
            row++;
            continue;
        }
        // A run of rows without gradient is one contiguous stretch of the table.
        long end = row;
        while (end < rows && slots[end] < 0) end++;
        adam_update_without_gradient(parameter + offset, m + offset, v + offset, (end - row) * width,
                                     alpha, beta1, beta2, epsilon);
        row = end;
    }
}

VECTOR_CLONES
void folio_transpose_block(const float *restrict source, long source_stride, long rows, long columns,
                           float *restrict destination, long destination_stride) {
    for (long c = 0; c < columns; c++) {
        for (long r = 0; r < rows; r++) destination[c * destination_stride + r] = source[r * source_stride + c];
    }
}

// The masked-step loops below pick per column with selects, which vectorize, where a branch per
// value did not: a recurrent layer on padded reviews spent a tenth of its time in them. Rows are
// short (a slice's 16 or 32 sequences), so each loop walks blocks of 16 columns and runs down the
// rows inside one: the block's selection is computed once, and a row costs one vector.
enum { COLUMN_BLOCK = 16 };

// Each kernel is a block body applied to full blocks with the constant width, which the compiler
// turns into one vector per row, and to the last partial block with the remainder.
#define FOR_EACH_COLUMN_BLOCK(columns, BODY)                                                    \
    for (long start = 0; start < (columns); start += COLUMN_BLOCK) {                            \
        if ((columns) - start >= COLUMN_BLOCK) {                                                \
            const long width = COLUMN_BLOCK;                                                    \
            BODY                                                                                \
        } else {                                                                                \
            const long width = (columns) - start;                                               \
            BODY                                                                                \
        }                                                                                       \
    }

// A block of 16 floats and its lanes' selection as a generic vector: the compiler emits one
// AVX-512 register (or two AVX2, four SSE) per block, where its vectorizer left these selects scalar.
typedef float float_block __attribute__((vector_size(4 * COLUMN_BLOCK), aligned(4)));
typedef int32_t lane_block __attribute__((vector_size(4 * COLUMN_BLOCK), aligned(4)));

// All bits set in the lanes of the block at `where` whose byte equals `flag` (a macro: a function
// returning a wide vector would change the ABI between the clones).
#define SELECT_LANES(lanes, where, flag)                                                    \
    lane_block lanes;                                                                       \
    for (int lane = 0; lane < COLUMN_BLOCK; lane++) lanes[lane] = (where)[lane] == (flag) ? -1 : 0;

VECTOR_CLONES
void folio_copy_columns(float *restrict destination, long destination_stride, const float *restrict source,
                        long source_stride, long rows, long columns, const uint8_t *restrict where, uint8_t flag) {
    long start = 0;
    for (; start + COLUMN_BLOCK <= columns; start += COLUMN_BLOCK) {
        SELECT_LANES(lanes, where + start, flag)
        for (long j = 0; j < rows; j++) {
            float_block *to = (float_block *)(destination + j * destination_stride + start);
            lane_block from = (lane_block)*(const float_block *)(source + j * source_stride + start);
            *to = (float_block)((from & lanes) | ((lane_block)*to & ~lanes));
        }
    }
    for (long j = 0; j < rows; j++) {
        for (long b = start; b < columns; b++) {
            if (where[b] == flag) destination[j * destination_stride + b] = source[j * source_stride + b];
        }
    }
}

VECTOR_CLONES
void folio_zero_columns(float *restrict matrix, long stride, long rows, long columns, const uint8_t *restrict where,
                        uint8_t flag) {
    long start = 0;
    for (; start + COLUMN_BLOCK <= columns; start += COLUMN_BLOCK) {
        SELECT_LANES(zeroed, where + start, flag)
        lane_block kept = ~zeroed;
        for (long j = 0; j < rows; j++) {
            float_block *row = (float_block *)(matrix + j * stride + start);
            *row = (float_block)((lane_block)*row & kept);
        }
    }
    for (long j = 0; j < rows; j++) {
        for (long b = start; b < columns; b++) {
            if (where[b] == flag) matrix[j * stride + b] = 0.0f;
        }
    }
}

// One loop with the step's output gradient and one without: with `output` tested inside, the
// compiler made its reads masked loads from NULL, whose suppressed faults cost a microcode assist
// per vector (nine tenths of the kernel's time).
static inline __attribute__((always_inline))
void masked_output_gradient(float *restrict dh, const float *restrict carry, float *restrict pending,
                            const float *restrict output, long units, long columns, const uint8_t *restrict real,
                            int accumulate_masked, int has_output) {
    FOR_EACH_COLUMN_BLOCK(columns, {
        const uint8_t *restrict isReal = real + start;
        for (long j = 0; j < units; j++) {
            long k = j * columns + start;
            for (long b = 0; b < width; b++) {
                float out = has_output ? output[k + b] : 0.0f;
                float sum = carry[k + b] + out + pending[k + b];
                dh[k + b] = isReal[b] ? sum : dh[k + b];
                pending[k + b] = isReal[b] ? 0.0f : (accumulate_masked ? pending[k + b] + out : pending[k + b]);
            }
        }
    })
}

VECTOR_CLONES
void folio_masked_output_gradient(float *restrict dh, const float *restrict carry, float *restrict pending,
                                  const float *restrict output, long units, long columns, const uint8_t *restrict real,
                                  int accumulate_masked) {
    if (output) {
        masked_output_gradient(dh, carry, pending, output, units, columns, real, accumulate_masked, 1);
    } else {
        masked_output_gradient(dh, carry, pending, 0, units, columns, real, accumulate_masked, 0);
    }
}

VECTOR_CLONES
void folio_fill_rows(float *restrict matrix, long rows, long columns, const float *restrict values) {
    long start = 0;
    for (; start + COLUMN_BLOCK <= columns; start += COLUMN_BLOCK) {
        for (long j = 0; j < rows; j++) {
            float_block value = values[j] - (float_block){0};  // the value in every lane
            *(float_block *)(matrix + j * columns + start) = value;
        }
    }
    for (long j = 0; j < rows; j++) {
        for (long b = start; b < columns; b++) matrix[j * columns + b] = values[j];
    }
}

// Sixteen partial sums in a fixed order: the loop vectorizes at any width and every clone adds
// the same floats in the same order, so the sums are identical on every CPU.
VECTOR_CLONES
void folio_add_row_sums(const float *restrict matrix, long rows, long columns, long stride, float *restrict sums) {
    enum { LANES = 16 };
    for (long j = 0; j < rows; j++) {
        const float *restrict row = matrix + j * stride;
        float partial[LANES] = {0};
        long c = 0;
        for (; c + LANES <= columns; c += LANES) {
            for (int lane = 0; lane < LANES; lane++) partial[lane] += row[c + lane];
        }
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) sum += partial[lane];
        for (; c < columns; c++) sum += row[c];
        sums[j] += sum;
    }
}

// An inline copy of a few hundred bytes beats a call to memcpy per row (7 % on Embedding's rows),
// so the compiler must not turn these loops back into one.
VECTOR_CLONES __attribute__((no_builtin("memcpy")))
void folio_copy_block(const float *restrict source, long source_stride, long rows, long columns,
                      float *restrict destination, long destination_stride) {
    for (long r = 0; r < rows; r++) {
        for (long c = 0; c < columns; c++) destination[r * destination_stride + c] = source[r * source_stride + c];
    }
}

VECTOR_CLONES __attribute__((no_builtin("memcpy")))
void folio_gather_rows(const float *restrict table, const int32_t *restrict ids, long count, long width,
                       float *restrict out) {
    for (long row = 0; row < count; row++) {
        const float *restrict source = table + (long)ids[row] * width;
        float *restrict destination = out + row * width;
        for (long i = 0; i < width; i++) destination[i] = source[i];
    }
}
