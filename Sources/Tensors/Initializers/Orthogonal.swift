internal import CBLAS

/// Keras 3's `Orthogonal`, the default recurrent-kernel initializer: a random matrix with
/// orthonormal rows or columns (whichever are fewer), times `gain`.
///
/// Algorithm as in Keras: draw a standard normal matrix of shape (max(rows, cols), min(rows, cols)),
/// take its QR decomposition (LAPACK `sgeqrf`/`sorgqr`), multiply each column of Q by the sign of
/// R's diagonal entry so the result is uniformly distributed, and transpose when rows < cols.
/// `rows` is the product of all but the last dimension.
public struct Orthogonal: Initializer {
    public var gain: Float

    public init(gain: Float = 1) {
        self.gain = gain
    }

    public func values<Generator: RandomNumberGenerator>(shape: TensorShape, using generator: inout Generator) -> [Float] {
        require(shape.rank >= 2, "Orthogonal: needs a weight of rank 2 or more, got shape \(shape)")
        let rows = shape.dimensions.dropLast().reduce(1, *)
        let cols = shape[-1]
        let m = Swift.max(rows, cols), n = Swift.min(rows, cols)
        guard n > 0 else { return [] }
        let normal = generator.normalFloats(count: m * n, mean: 0, standardDeviation: 1)

        // LAPACK is column-major: lay the row-major (m, n) matrix out column by column.
        var a = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n { a[i + j * m] = normal[i * n + j] }
        }
        let diagonalSigns = Self.factorInPlace(&a, m: m, n: n)

        // `a` now holds Q column-major. Keras returns Q (m, n) row-major when rows >= cols and
        // its transpose otherwise; the transpose of a column-major matrix is its buffer read row-major.
        var q = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                let value = gain * diagonalSigns[j] * a[i + j * m]
                if rows >= cols { q[i * n + j] = value } else { q[j * m + i] = value }
            }
        }
        return q
    }

    /// Replaces the column-major (m, n) matrix `a` (m >= n) by the Q of its QR decomposition and
    /// returns the signs of R's diagonal.
    private static func factorInPlace(_ a: inout [Float], m: Int, n: Int) -> [Float] {
        var rowCount = Int32(m), leadingDimension = Int32(m), colCount = Int32(n), reflectorCount = Int32(n), info: Int32 = 0
        var tau = [Float](repeating: 0, count: n)
        // One work size fits both routines: n * block size, with a generous block of 64.
        var workSize = Int32(Swift.max(1, n * 64))
        var work = [Float](repeating: 0, count: Int(workSize))
        // On one thread: OpenBLAS's workers, once woken, spin for about 0.1 s after the last job,
        // taking the cores from the recurrent layer the initializer is building.
        return BLASThreads.withSingleThreadedBLAS {
            sgeqrf_(&rowCount, &colCount, &a, &leadingDimension, &tau, &work, &workSize, &info)
            precondition(info == 0, "Orthogonal: LAPACK sgeqrf failed with info \(info)")
            let signs: [Float] = (0..<n).map { j in
                let r = a[j + j * m]
                return r > 0 ? 1 : (r < 0 ? -1 : 0)
            }
            sorgqr_(&rowCount, &colCount, &reflectorCount, &a, &leadingDimension, &tau, &work, &workSize, &info)
            precondition(info == 0, "Orthogonal: LAPACK sorgqr failed with info \(info)")
            return signs
        }
    }
}
