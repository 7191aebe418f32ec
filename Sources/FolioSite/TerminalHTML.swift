import Folio

extension String {
    /// Printed output as HTML, the way Jupyter shows a stream: carriage returns resolved as in a
    /// terminal, SGR codes (colours, bold, italic, underline) turned into `<span>`s with Jupyter's
    /// `ansi-*` classes (or an inline colour for 256-colour and RGB codes), every other escape
    /// sequence and the control characters HTML cannot carry dropped, and the text escaped.
    var terminalHTML: String {
        var html = ""
        var style = TerminalStyle()
        var run = String.UnicodeScalarView()
        func flush() {
            guard !run.isEmpty else { return }
            let text = String(run).htmlEscaped
            html += style.isPlain ? text : "<span\(style.attributes)>\(text)</span>"
            run.removeAll()
        }
        var scalars = resolvingCarriageReturns.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                guard let parameters = Self.readEscapeSequence(&scalars) else { continue }
                flush()
                style.apply(parameters)
            case 0x09, 0x0A: run.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: run.append(scalar)
            }
        }
        flush()
        return html
    }

    /// Consumes the rest of a sequence that started with ESC: a CSI (`ESC [` ... final byte
    /// 0x40–0x7E), an OSC (`ESC ]` ... BEL or `ESC \`), or a single following character. Returns
    /// the parameters of an SGR sequence (`ESC [ 1;31 m` gives [1, 31]; none gives [0]), else nil.
    private static func readEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) -> [Int]? {
        guard let introducer = scalars.next() else { return nil }
        switch introducer {
        case "[":
            var body = ""
            while let scalar = scalars.next() {
                if (0x40...0x7E).contains(scalar.value) {
                    guard scalar == "m" else { return nil }
                    return body.isEmpty ? [0] : body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                }
                body.unicodeScalars.append(scalar)
            }
            return nil
        case "]":
            while let scalar = scalars.next() {
                if scalar.value == 0x07 { return nil }
                if scalar.value == 0x1B { _ = scalars.next(); return nil }
            }
            return nil
        default:
            return nil
        }
    }
}

/// The SGR state of a terminal: what `ESC [ ... m` sequences have set so far.
private struct TerminalStyle {
    /// A 16-colour index (0–7 normal, 8–15 intense), or an RGB colour from a 256-colour or RGB code.
    enum Color: Equatable {
        case indexed(Int)
        case rgb(Int, Int, Int)
    }

    var foreground: Color?
    var background: Color?
    var bold = false
    var italic = false
    var underline = false

    var isPlain: Bool { foreground == nil && background == nil && !bold && !italic && !underline }

    /// ` class="..." style="..."` for a `<span>`.
    var attributes: String {
        var classes: [String] = [], styles: [String] = []
        for (color, layer, property) in [(foreground, "fg", "color"), (background, "bg", "background-color")] {
            switch color {
            case .indexed(let index)?: classes.append("ansi-\(Self.names[index % 8])\(index >= 8 ? "-intense" : "")-\(layer)")
            case .rgb(let red, let green, let blue)?: styles.append("\(property): rgb(\(red), \(green), \(blue))")
            case nil: break
            }
        }
        if bold { classes.append("ansi-bold") }
        if italic { classes.append("ansi-italic") }
        if underline { classes.append("ansi-underline") }
        return (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")
            + (styles.isEmpty ? "" : " style=\"\(styles.joined(separator: "; "))\"")
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Applies the parameters of one SGR sequence; unknown ones are ignored, as terminals do.
    mutating func apply(_ parameters: [Int]) {
        var rest = parameters[...]
        while let code = rest.popFirst() {
            switch code {
            case 0: self = TerminalStyle()
            case 1: bold = true
            case 3: italic = true
            case 4: underline = true
            case 22: bold = false
            case 23: italic = false
            case 24: underline = false
            case 30...37: foreground = .indexed(code - 30)
            case 90...97: foreground = .indexed(code - 90 + 8)
            case 40...47: background = .indexed(code - 40)
            case 100...107: background = .indexed(code - 100 + 8)
            case 39: foreground = nil
            case 49: background = nil
            case 38: foreground = Self.extendedColor(&rest) ?? foreground
            case 48: background = Self.extendedColor(&rest) ?? background
            default: continue
            }
        }
    }

    /// The colour of `5;n` (256 colours) or `2;r;g;b` after a 38 or 48.
    private static func extendedColor(_ rest: inout ArraySlice<Int>) -> Color? {
        switch rest.popFirst() {
        case 5:
            guard let index = rest.popFirst(), (0...255).contains(index) else { return nil }
            switch index {
            case 0..<16: return .indexed(index)
            case 16..<232:
                let cube = index - 16, level = { (value: Int) in value == 0 ? 0 : 55 + 40 * value }
                return .rgb(level(cube / 36), level(cube / 6 % 6), level(cube % 6))
            default:
                let gray = 8 + 10 * (index - 232)
                return .rgb(gray, gray, gray)
            }
        case 2:
            guard rest.count >= 3 else { return nil }
            let channels = (0..<3).map { _ in min(max(rest.popFirst()!, 0), 255) }
            return .rgb(channels[0], channels[1], channels[2])
        default:
            return nil
        }
    }
}
