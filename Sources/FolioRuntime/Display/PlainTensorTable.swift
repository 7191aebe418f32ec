import Tensors

/// A plain HTML table for a 2-D tensor, nil for other ranks: the rich view `show(_:)` records
/// until the renderer's `tensorHTML(_:)` replaces it.
func plainTensorTable(_ tensor: Tensor) -> String? {
    guard tensor.rank == 2 else { return nil }
    let columns = tensor.shape[1]
    let values = tensor.integers.map { $0.map(String.init) } ?? tensor.scalars.map { "\($0)" }
    var html = "<table class=\"tensor\">"
    for row in 0..<tensor.shape[0] {
        html += "<tr>"
        for column in 0..<columns {
            html += "<td>\(values[row * columns + column])</td>"
        }
        html += "</tr>"
    }
    return html + "</table>"
}
