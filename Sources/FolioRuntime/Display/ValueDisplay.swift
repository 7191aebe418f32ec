import Tensors

extension __Folio {
    /// Shows the value of a cell's last expression, like Jupyter shows `Out[n]`.
    ///
    /// Strings show quoted (their `debugDescription`, like Jupyter's `repr`) so that a value is told
    /// apart from printed text; tensors show like `print(t)` plus a rich HTML view (a table or an inline
    /// heatmap, but no figure file: that is what `show` is for); everything else shows its `description`.
    public static func display<T>(_ value: T) {
        switch value {
        case let tensor as Tensor:
            Session.display(html: tensorHTML(tensor)) {
                print(tensor)
            }
        case let text as String:
            print(text.debugDescription)
        case let text as Substring:
            print(text.debugDescription)
        default:
            print(value)
        }
    }

    /// A last expression of type `Void` (a call like `layer.reset()`) shows nothing.
    public static func display(_ value: Void) {}
}
