import Foundation

/// The text Keras's `model.summary()` prints: the model's name, a table of its layers (name and
/// type, output shape, parameter count), then parameter totals with their size in memory.
///
/// Keras sizes the table to the terminal (at most 88 columns, 108 with `Connected to`, and 4 fewer
/// than the terminal's width); `Model.summaryLineLength` is the width it has in Jupyter, for both.
struct ModelSummary {
    /// One layer's line in the table.
    struct Row {
        var name: String
        var typeName: String
        /// As Keras writes it (`(None, 7, 8)`), or `?` before the layer is built.
        var outputShape: String
        /// Nil for a layer that has not been built yet.
        var parameterCount: Int?
        /// A functional model's column `Connected to`: the tensors the layer was called on
        /// (`embedding[0][0], embedding_1[0][0]`), `-` for none; nil in a table without that column.
        var connectedTo: String? = nil
    }

    /// A number of parameters and the bytes they take.
    struct Count {
        var parameters = 0
        var bytes = 0
    }

    var modelName: String
    var rows: [Row]
    var trainable: Count
    var nonTrainable: Count
    /// The optimizer's variables, once it has been built by a training step.
    var optimizer: Count?

    func text(lineLength: Int) -> String {
        // Keras adds `Connected to` for a graph that is not a plain chain, and moves the columns.
        let connected = rows.contains { $0.connectedTo != nil }
        var columns: [SummaryTable.Column] = [.init(title: "Layer (type)", alignment: .left),
                                              .init(title: "Output Shape", alignment: .left),
                                              .init(title: "Param #", alignment: .right)]
        if connected { columns.append(.init(title: "Connected to", alignment: .left)) }
        let table = SummaryTable(columns: columns, rows: rows.map { row in
            ["\(row.name) (\(row.typeName))", row.outputShape, row.parameterCount.map(Self.grouped) ?? "0 (unbuilt)"]
                + (connected ? [row.connectedTo ?? "-"] : [])
        })
        let positions = connected ? [0.3, 0.56, 0.74, 1.0] : [0.45, 0.80, 1.0]
        var lines = ["Model: \"\(modelName)\""] + table.lines(lineLength: lineLength, positions: positions)
        let total = Count(parameters: trainable.parameters + nonTrainable.parameters + (optimizer?.parameters ?? 0),
                          bytes: trainable.bytes + nonTrainable.bytes + (optimizer?.bytes ?? 0))
        lines.append(Self.countLine("Total params", total))
        lines.append(Self.countLine("Trainable params", trainable))
        lines.append(Self.countLine("Non-trainable params", nonTrainable))
        if let optimizer { lines.append(Self.countLine("Optimizer params", optimizer)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `(None, 7, 8)`: Keras's shape text, batch size unknown (nil) as `None`.
    static func shapeText(_ dimensions: [Int?]) -> String {
        "(" + dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + ")"
    }

    private static func countLine(_ label: String, _ count: Count) -> String {
        " \(label): \(grouped(count.parameters)) (\(readableSize(count.bytes)))"
    }

    /// `1,583`: thousands separated by commas, as Python's `{:,}`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    /// `2.06 KB`: bytes in the largest binary unit that keeps the number at least 1, two decimals.
    static func readableSize(_ bytes: Int) -> String {
        var size = Double(bytes)
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size / 1024 < 1 { return String(format: "%.2f", size) + " " + unit }
            size /= 1024
        }
        return String(format: "%.2f", size) + " PB"
    }
}
