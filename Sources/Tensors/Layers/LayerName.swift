import Foundation

/// Keras's automatic layer and model names: the type's name in snake case, numbered from the
/// second use on (`dense`, `dense_1`, `dense_2`), counted per name for the whole program, as in one
/// Python process (or one Jupyter kernel).
enum LayerName {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var uses: [String: Int] = [:]

    /// The next free name for a layer of type `typeName` (`"SimpleRNN"` → `simple_rnn`, `simple_rnn_1`, ...).
    static func unique(for typeName: String) -> String {
        let base = snakeCase(typeName)
        lock.lock()
        defer { lock.unlock() }
        let previous = uses[base, default: 0]
        uses[base] = previous + 1
        return previous == 0 ? base : "\(base)_\(previous)"
    }

    /// Forgets every name given so far, so the next of each type is unnumbered again: the naming
    /// part of Keras's `keras.backend.clear_session()`. The tests use it where Keras names an
    /// operation that Tensors gives no way to name (`MaskOperation`).
    static func reset() {
        lock.withLock { uses = [:] }
    }

    /// Keras's `to_snake_case`: `LSTM` → `lstm`, `SimpleRNN` → `simple_rnn`, `SpatialDropout1D` → `spatial_dropout1d`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0 && character.isUppercase {
                // Keras's two rules: a capital followed by a lowercase letter starts a word
                // ("RNNCell" → "rnn_cell"), and so does a capital after a lowercase letter; a capital
                // after a digit does not ("Dropout1D" → "dropout1d").
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if characters[index - 1].isLowercase || next?.isLowercase == true { result += "_" }
            }
            result += character.lowercased()
        }
        return result
    }

    /// A layer's class name as Keras's summary shows it: the Swift type's name, or Keras's where
    /// they differ (`ActivationLayer`, since `Activation` names the functions; a functional model).
    static func kerasTypeName(of layer: any Layer) -> String {
        if layer is ActivationLayer { return "Activation" }
        if let operation = layer as? MaskOperation { return operation.kind.kerasName }
        if let model = layer as? Model, model.graph != nil { return "Functional" }
        return String(describing: type(of: layer))
    }
}
