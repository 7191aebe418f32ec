/// A site's formulas as KaTeX typeset them, for `HTMLRenderer`.
public struct TypesetMath: Sendable {
    var formulas: [MathFormula: Result<String, MathError>]

    /// No formulas typeset: pages show each formula's source.
    public init() {
        formulas = [:]
    }

    init(_ formulas: [MathFormula: Result<String, MathError>]) {
        self.formulas = formulas
    }
}
