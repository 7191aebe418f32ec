import Foundation

extension Model {
    /// Writes the model's weights to a safetensors file (Python reads it with
    /// `safetensors.numpy.load_file`), each named by its path (`embedding/embeddings`,
    /// `lstm/kernel`, ...), in the order of `weights`.
    public func saveWeights(_ path: String) throws {
        let named = zip(weightNames, weights).map { (name: $0, tensor: $1) }
        guard named.count == weights.count, !named.isEmpty else {
            throw LayerError("\(name).saveWeights: the model has no weights yet; call it once (or build it) first")
        }
        do {
            try SafeTensors.encode(named).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as SafeTensorsError {
            throw LayerError("\(name).saveWeights(\"\(path)\"): \(error)")
        }
    }

    /// Reads weights that `saveWeights` wrote, into the model's weights in their order, as Keras
    /// loads by the model's structure: the layers' names may differ, their number and shapes may not.
    /// The model must be built (called once, or `build(inputShape:)`).
    public func loadWeights(_ path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LayerError("\(name).loadWeights(\"\(path)\"): cannot read the file: \(error.localizedDescription)")
        }
        let stored: [(name: String, tensor: Tensor)]
        do {
            stored = try SafeTensors.decode(data)
        } catch {
            throw LayerError("\(name).loadWeights(\"\(path)\"): \(error)")
        }
        do {
            try setWeights(stored.map(\.tensor))
        } catch let error as LayerError {
            throw LayerError("\(name).loadWeights(\"\(path)\"): the file holds \(stored.count) weights (\(stored.map { "\($0.name) \($0.tensor.shape)" }.joined(separator: ", "))): \(error)")
        }
    }
}
