import Tensors

/// Prints `tensor` like `print(tensor)` and, in rendered pages, shows it as a table or heatmap.
public func show(_ tensor: Tensor) {
    Session.display(html: tensorHTML(tensor)) {
        print(tensor)
    }
}
