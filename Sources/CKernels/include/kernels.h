// Hot loops of the Tensors engine in C, compiled once per x86-64 vector width (see kernels.c).
#ifndef FOLIO_KERNELS_H
#define FOLIO_KERNELS_H

#include <stdint.h>

/// The activations the layers apply in place, one per case of Swift's `Activation`.
typedef enum {
    FOLIO_LINEAR = 0,
    FOLIO_TANH = 1,
    FOLIO_SIGMOID = 2,
    FOLIO_RELU = 3,
    FOLIO_HARD_SIGMOID = 4,
} folio_activation;

/// Applies `kind` in place to the `count` floats at `values`.
void folio_activate(folio_activation kind, float *values, long count);

/// The LSTM state update over `count` values, from gates already activated:
/// c = forget · c_previous + input · candidate, then h = activation(c) · output.
void folio_lstm_update(const float *input, const float *forget, const float *candidate, const float *output,
                       const float *c_previous, float *c, float *h, long count, folio_activation activation);

/// One LSTM timestep backwards over (units, columns) unit-major blocks, from the gates i, f, g, o
/// after their activations (`gates`: four contiguous blocks), the cell states before and after
/// the step, and the gradients reaching h and c after it. Writes the pre-activations' gradients,
/// gate block k's row j at `gate_gradients + (k · units + j) · stride`, and c's gradient before the
/// step. Both activations must derive from their outputs (every folio_activation does).
void folio_lstm_backward(const float *gates, const float *c_previous, const float *c, const float *dh,
                         const float *dc_next, float *gate_gradients, long stride, float *dc_previous,
                         long units, long columns, folio_activation activation, folio_activation recurrent_activation);

/// One GRU timestep backwards (reset gate after the recurrent product) over (units, columns) blocks,
/// from the gates z, r, hh after their activations (`gates`: three contiguous blocks), h before the
/// step, the recurrent product's candidate rows `inner` (rows `stride` apart) and the gradient
/// reaching h after the step. Writes the input projection's and the recurrent product's gradients
/// (gate block k's row j at `+ (k · units + j) · stride`) and h's gradient before the step through
/// z alone (the recurrent product's share is added by a GEMM).
void folio_gru_backward(const float *gates, const float *h_previous, const float *inner, const float *dh,
                        float *gate_gradients, float *recurrent_gradients, long stride, float *dh_previous,
                        long units, long columns, folio_activation activation, folio_activation recurrent_activation);

/// dz = dh · activation′ over (units, columns) blocks, from the activation's outputs `h`: a SimpleRNN
/// step backwards (rows of dz `stride` apart).
void folio_activation_backward(const float *h, const float *dh, float *dz, long stride, long units, long columns,
                               folio_activation activation);

/// Keras's Adam update over `count` values of a dense gradient g: m += (g − m)(1 − β₁);
/// v += (g² − v)(1 − β₂); p −= (m · alpha) / (√v + ε).
void folio_adam_update(float *parameter, float *m, float *v, const float *gradient,
                       long count, float alpha, float beta1, float beta2, float epsilon);

/// `folio_adam_update` over a table of `rows` rows of `width` values whose gradient is sparse:
/// a row with `slots[row] < 0` got none (g = g² = 0, and `gradient` is not read there); for the
/// others g is the row of the dense `gradient` and g² row `slots[row]` of `squared_rows`.
void folio_adam_update_rows(float *parameter, float *m, float *v, const float *gradient, const int32_t *slots,
                            const float *squared_rows, long rows, long width, float alpha, float beta1, float beta2,
                            float epsilon);

/// Copies `rows` rows of `columns` values from `source` to `destination`, rows the strides apart.
void folio_copy_block(const float *source, long source_stride, long rows, long columns,
                      float *destination, long destination_stride);

/// destination[c · destination_stride + r] = source[r · source_stride + c] for `rows` × `columns`
/// values: a batch-major block to a unit-major one, or back.
void folio_transpose_block(const float *source, long source_stride, long rows, long columns,
                           float *destination, long destination_stride);

/// Copies column b of each of the `rows` rows of `source` into `destination` where where[b] == flag.
void folio_copy_columns(float *destination, long destination_stride, const float *source, long source_stride,
                        long rows, long columns, const uint8_t *where, uint8_t flag);

/// Zeroes column b of each of the `rows` rows of `matrix` (rows `stride` apart) where where[b] == flag.
void folio_zero_columns(float *matrix, long stride, long rows, long columns, const uint8_t *where, uint8_t flag);

/// The gradient reaching h after a step of a masked recurrent layer, over (units, columns) blocks:
/// where real[b], dh = carry + output + pending and pending = 0; elsewhere dh is left alone and,
/// when `accumulate_masked`, pending += output (a masked step repeats the output of the real step
/// before it). `output` may be NULL for no gradient of the step's output.
void folio_masked_output_gradient(float *dh, const float *carry, float *pending, const float *output,
                                  long units, long columns, const uint8_t *real, int accumulate_masked);

/// Sets row j of the (rows, columns) row-major `matrix` to values[j] in every column: a per-unit
/// bias laid over a unit-major block of the batch.
void folio_fill_rows(float *matrix, long rows, long columns, const float *values);

/// Adds the sum of each of the `rows` rows (`columns` values, rows `stride` apart) of `matrix` to `sums`.
void folio_add_row_sums(const float *matrix, long rows, long columns, long stride, float *sums);

/// Copies row ids[r] of the row-major (?, width) `table` to row r of `out`, for r in 0..<count.
void folio_gather_rows(const float *table, const int32_t *ids, long count, long width, float *out);

#endif
