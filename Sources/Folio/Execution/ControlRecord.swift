/// A record the notebook program wrote on its control channel (see FolioRuntime's `ControlChannel`).
enum ControlRecord: Hashable, Sendable {
    /// Cell `index` starts at `offset` in the output file.
    case cell(index: Int, offset: Int)
    /// Output bytes `range` have a rich HTML view.
    case display(range: Range<Int>, html: String)
    /// The running cell drew a figure: its SVG file's text and what it shows in words.
    case figure(svg: String, description: String)
    /// A `should-fail` cell ended; `failed` is false when it completed without trapping or throwing.
    case expectedFailure(index: Int, failed: Bool)
    /// A top-level statement that can throw starts at `line` of the notebook.
    case statement(line: Int)
    /// The program trapped or crashed; `offsets` are the stack's frames in the program executable,
    /// innermost first, as offsets from its load address.
    case crashFrames(offsets: [Int])
    /// The program finished its last cell with the output at `offset`.
    case end(offset: Int)

    /// Parses the complete records in `bytes`, ignoring a record still being written at the end.
    static func parse(_ bytes: [UInt8]) -> [ControlRecord] {
        var records: [ControlRecord] = []
        var position = 0
        while let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) {
            let fields = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            position = newline + 1
            let numbers = fields.dropFirst().compactMap { Int($0) }
            if fields.first == "crash-frames" {
                records.append(.crashFrames(offsets: numbers))
                continue
            }
            switch (fields.first, numbers.count) {
            case ("cell", 2): records.append(.cell(index: numbers[0], offset: numbers[1]))
            case ("end", 1): records.append(.end(offset: numbers[0]))
            case ("statement", 1): records.append(.statement(line: numbers[0]))
            case ("expected-failure", 1) where fields.count == 3:
                records.append(.expectedFailure(index: numbers[0], failed: fields[2] == "failed"))
            case ("display", 3):
                let htmlEnd = position + numbers[2]
                guard htmlEnd < bytes.count, numbers[0] <= numbers[1] else { return records }
                records.append(.display(range: numbers[0]..<numbers[1],
                                        html: String(decoding: bytes[position..<htmlEnd], as: UTF8.self)))
                position = htmlEnd + 1
            case ("figure", 2):
                let svgEnd = position + numbers[0], descriptionEnd = svgEnd + 1 + numbers[1]
                guard descriptionEnd < bytes.count else { return records }
                records.append(.figure(svg: String(decoding: bytes[position..<svgEnd], as: UTF8.self),
                                       description: String(decoding: bytes[(svgEnd + 1)..<descriptionEnd], as: UTF8.self)))
                position = descriptionEnd + 1
            default:
                continue
            }
        }
        return records
    }
}
