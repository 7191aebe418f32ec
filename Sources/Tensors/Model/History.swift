/// What `fit` returns: each epoch's logs; Keras's `History`.
///
/// `history["loss"]` holds one value per epoch run, as do the metrics and, with validation data,
/// `val_loss` and `val_<metric>`.
public final class History: CustomStringConvertible {
    public internal(set) var history: [String: [Float]] = [:]
    /// The epochs run, from 0.
    public internal(set) var epoch: [Int] = []

    func record(epoch index: Int, logs: [String: Float]) {
        epoch.append(index)
        for (name, value) in logs { history[name, default: []].append(value) }
    }

    public var description: String {
        "History(" + history.keys.sorted().map { "\($0): \(history[$0]!)" }.joined(separator: ", ") + ")"
    }
}
