import Tensors

/// Prints `tensor` like `print(tensor)`; a matrix (rank 2) is also drawn as a heatmap figure (a file
/// next to the notebook, an image in the page and in Jupyter), and a small one shows as a table of
/// its values in rendered pages.
public func show(_ tensor: Tensor, title: String? = nil) {
    let isMatrix = tensor.rank == 2
    let table = isMatrix && fitsTable(rows: tensor.shape[0], columns: tensor.shape[1]) ? tensorHTML(tensor) : nil
    Session.display(html: table) {
        print(tensor)
    }
    if isMatrix, let heatmap = try? HeatmapChart(tensor, title: title) {
        Session.figure(heatmap.figure)
    }
}
