extension String {
    /// The text as a terminal shows it, and Jupyter shows a stream: a carriage return moves back
    /// to the start of the line, so what follows overwrites it (`"50%\r100%"` shows `100%`, and
    /// `"\r\n"` is a plain line break). Progress lines thus keep only their last state.
    public var resolvingCarriageReturns: String {
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        var shown = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        var column = 0
        for scalar in unicodeScalars {
            switch scalar {
            case "\n":
                shown.append(contentsOf: line)
                shown.append(scalar)
                line.removeAll(keepingCapacity: true)
                column = 0
            case "\r":
                column = 0
            default:
                if column < line.count { line[column] = scalar } else { line.append(scalar) }
                column += 1
            }
        }
        shown.append(contentsOf: line)
        return String(shown)
    }
}
