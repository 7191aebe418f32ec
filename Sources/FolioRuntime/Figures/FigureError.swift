/// Data a figure cannot be drawn from, with what to change; the plotting functions stop the cell with it.
struct FigureError: Error, Hashable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
