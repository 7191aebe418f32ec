extension String {
    /// The text without what a terminal interprets and HTML cannot carry: ANSI escape sequences
    /// (colours, cursor moves, window titles) and control characters other than tab and newline,
    /// which are not allowed in HTML text (resolve carriage returns first).
    var withoutTerminalControls: String {
        var kept = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B: Self.skipEscapeSequence(&scalars)
            case 0x09, 0x0A: kept.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Consumes the rest of a sequence that started with ESC: a CSI (`ESC [` ... final byte
    /// 0x40–0x7E), an OSC (`ESC ]` ... BEL or `ESC \`), or a single following character.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]":
            while let scalar = scalars.next() {
                if scalar.value == 0x07 { return }
                if scalar.value == 0x1B { _ = scalars.next(); return }
            }
        default:
            return
        }
    }
}
