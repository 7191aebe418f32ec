import Tensors

/// Draws what `fit` recorded, one line chart per metric with its validation twin beside it: `loss`
/// with `val_loss` first, then `accuracy` with `val_accuracy`, and so on, x being the epoch.
///
///     let history = model.fit(x, y, epochs: 5, validationSplit: 0.2)
///     plot(history)
public func plot(_ history: History, xLabel: String = "epoch") {
    let names = history.history.keys.filter { !$0.hasPrefix("val_") }
        .sorted { ($0 == "loss" ? "" : $0) < ($1 == "loss" ? "" : $1) }
    for name in names {
        let series = [name, "val_" + name].compactMap { key in history.history[key].map { (key, $0) } }
        draw { () throws(FigureError) in
            try LineChart(series: series, title: name, xLabel: xLabel, yLabel: nil).figure
        }
    }
}
