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

/// Copies row ids[r] of the row-major (?, width) `table` to row r of `out`, for r in 0..<count.
void folio_gather_rows(const float *table, const int32_t *ids, long count, long width, float *out);

#endif
