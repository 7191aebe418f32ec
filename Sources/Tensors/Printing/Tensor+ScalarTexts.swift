import Foundation

extension Tensor {
    /// Each value row-major as numpy's `str` writes it inside this array, without the padding
    /// that lines up columns: one notation and precision for the whole array, so a table of
    /// these texts reads like the printed array (`5.0000000e-01` beside `1.0000000e-07`).
    public var scalarTexts: [String] {
        switch storage {
        case .float(let values):
            let format = FloatFormat(values: values)
            return values.map { format($0).trimmingCharacters(in: .whitespaces) }
        case .int(let values):
            return values.map { String($0) }
        }
    }
}
