// OpenBLAS: cblas for GEMM, plus the two LAPACK routines the orthogonal initializer needs
// (OpenBLAS ships LAPACK in the same library, so no LAPACKE dependency).
#include <cblas.h>

void sgeqrf_(const int *m, const int *n, float *a, const int *lda, float *tau,
             float *work, const int *lwork, int *info);
void sorgqr_(const int *m, const int *n, const int *k, float *a, const int *lda,
             const float *tau, float *work, const int *lwork, int *info);
