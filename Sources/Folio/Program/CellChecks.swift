/// What Folio checks in a notebook's cells before compiling them: each cell parses on its own, and no
/// cell uses a name before the notebook declares it. Both would otherwise compile into a program that
/// loses output or prints a wrong answer, or fail with errors located in generated code.
enum CellChecks {
    /// The first cell, in notebook order, that fails a check, with its errors located in the notebook
    /// file `fileName`; nil when all pass. `ignore` cells never run and are not checked; `compile-fail`
    /// cells are expected not to compile and only the compiler judges them.
    static func firstFailure(in cells: [Cell], fileName: String) -> (cell: Cell, errors: [Diagnostic])? {
        var parsed: [CellSyntax] = []
        var syntaxFailure: (cell: Cell, errors: [Diagnostic])?
        for cell in cells where !cell.options.ignore && !cell.options.compileFail {
            let syntax = CellSyntax(cell)
            let errors = syntax.errors(fileName: fileName)
            if !errors.isEmpty {
                syntaxFailure = (cell, errors)
                break
            }
            parsed.append(syntax)
        }
        let uses = LaterDeclarations(cells: parsed).firstUses()
        guard let first = uses.first else { return syntaxFailure }
        let syntax = parsed.first { $0.cell.index == first.cell.index }!
        return (first.cell, uses.map { use in
            var diagnostic = syntax.diagnostic(at: use.position, fileName: fileName, message: use.message(cellPlace: nil))
            diagnostic.storedMessage = use.message(cellPlace: "cell \(use.declaringCell.index + 1)")
            return diagnostic
        })
    }
}
