/// A scatter plot of 2-D points (word vectors projected to a plane, say), each with an optional label.
///
/// Labels are placed one by one at the first spot around their point (right, left, above, below, the
/// corners, then farther above and below) that overlaps no label placed before and no point, and stays
/// in the plot; where every spot overlaps, at the one that overlaps least. Points with a NaN or infinite coordinate are left out (and said so).
struct ScatterChart {
    let points: [(x: Float, y: Float)]
    let labels: [String]?
    let title: String?
    let xLabel: String?
    let yLabel: String?

    private static let radius = 4.5
    private static let labelSize = 13.0

    init(points: [(x: Float, y: Float)], labels: [String]?, title: String?, xLabel: String?, yLabel: String?) throws(FigureError) {
        if let labels, labels.count != points.count {
            throw FigureError("scatter: \(points.count) point\(points.count == 1 ? "" : "s") but \(labels.count) label\(labels.count == 1 ? "" : "s"); give one label per point")
        }
        self.points = points
        self.labels = labels?.map(SVGText.singleLine)
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    private var drawn: [Int] { points.indices.filter { points[$0].x.isFinite && points[$0].y.isFinite } }

    var figure: SVGFigure {
        let shown = drawn
        let xs = shown.map { Double(points[$0].x) }, ys = shown.map { Double(points[$0].y) }
        var figure = SVGFigure(width: 640, height: 480, title: title ?? "Scatter plot", description: description, data: data)
        let frame = ChartFrame(in: &figure, x: Self.paddedScale(xs), y: Self.paddedScale(ys),
                               title: title, xLabel: xLabel, yLabel: yLabel, legend: [])
        if shown.isEmpty {
            figure.text(points.isEmpty ? "no points" : "no point with finite coordinates", x: (frame.left + frame.right) / 2,
                        y: (frame.top + frame.bottom) / 2, size: FigureStyle.labelSize, anchor: "middle", attributes: "class=\"muted\"")
        }
        let centres = shown.map { (x: frame.xPosition(Double(points[$0].x)), y: frame.yPosition(Double(points[$0].y))) }
        for centre in centres {
            figure.add("<circle cx=\"\(SVGText.coordinate(centre.x))\" cy=\"\(SVGText.coordinate(centre.y))\" "
                + "r=\"\(SVGText.coordinate(Self.radius))\" class=\"s0\" fill-opacity=\".85\" stroke=\"none\"/>")
        }
        if let labels {
            let bounds = Box(left: frame.left, top: frame.top - 4, right: Double(figure.width) - 2, bottom: frame.bottom)
            var obstacles = Obstacles()
            for centre in centres {
                obstacles.insert(Box(left: centre.x - Self.radius, top: centre.y - Self.radius,
                                     right: centre.x + Self.radius, bottom: centre.y + Self.radius))
            }
            for (centre, index) in zip(centres, shown) where !labels[index].isEmpty {
                let placed = Self.place(labels[index], at: centre, avoiding: obstacles, within: bounds)
                obstacles.insert(placed.box)
                figure.text(labels[index], x: placed.x, y: placed.y, size: Self.labelSize, anchor: placed.anchor,
                            attributes: "fill=\"currentColor\"")
            }
        }
        return figure
    }

    /// An axis over `values` with a little room on both sides, so no point sits on the frame.
    private static func paddedScale(_ values: [Double]) -> NiceScale {
        guard let low = values.min(), let high = values.max() else { return NiceScale(covering: .nan, .nan) }
        let pad = (high - low) * 0.04
        return NiceScale(covering: low - pad, high + pad)
    }

    /// A rectangle in SVG coordinates.
    private struct Box {
        var left, top, right, bottom: Double

        func overlap(_ other: Box) -> Double {
            max(0, min(right, other.right) - max(left, other.left)) * max(0, min(bottom, other.bottom) - max(top, other.top))
        }
    }

    /// The points and placed labels, bucketed by area so that a candidate spot is checked only against
    /// what is near it (a thousand labelled points place in well under a second).
    private struct Obstacles {
        private static let bucketSize = 32.0
        private var boxes: [Box] = []
        private var buckets: [Int: [Int]] = [:]

        /// Calls `body` with the key of every bucket `box` touches.
        private static func forEachKey(of box: Box, _ body: (Int) -> Void) {
            let columns = Int((box.left / bucketSize).rounded(.down))...Int((box.right / bucketSize).rounded(.down))
            let rows = Int((box.top / bucketSize).rounded(.down))...Int((box.bottom / bucketSize).rounded(.down))
            for column in columns {
                for row in rows { body(column * 65_536 + row) }
            }
        }

        mutating func insert(_ box: Box) {
            let index = boxes.count
            boxes.append(box)
            Self.forEachKey(of: box) { buckets[$0, default: []].append(index) }
        }

        /// The total area `box` shares with the obstacles.
        func overlap(with box: Box) -> Double {
            var near: [Int] = []
            Self.forEachKey(of: box) { key in
                if let indices = buckets[key] { near.append(contentsOf: indices) }
            }
            // Each obstacle once, in a fixed order (so the sum's last bits never vary).
            near.sort()
            var total = 0.0
            var previous = -1
            for index in near where index != previous {
                total += box.overlap(boxes[index])
                previous = index
            }
            return total
        }
    }

    /// Where `label` goes next to the point at `centre`: its baseline position, anchor and box.
    private static func place(_ label: String, at centre: (x: Double, y: Double), avoiding obstacles: Obstacles,
                              within bounds: Box) -> (x: Double, y: Double, anchor: String, box: Box) {
        let width = SVGText.estimatedWidth(label, fontSize: labelSize), gap = radius + 3
        let ascent = labelSize * 0.8, descent = labelSize * 0.25
        let side = ascent / 2 - descent / 2, line = labelSize * 1.1
        var spots: [(dx: Double, dy: Double, anchor: String)] = [
            (gap, side, "start"), (-gap, side, "end"), (0, -gap - descent, "middle"), (0, gap + ascent, "middle"),
            (gap * 0.8, -gap * 0.8, "start"), (gap * 0.8, gap * 0.8 + ascent, "start"),
            (-gap * 0.8, -gap * 0.8, "end"), (-gap * 0.8, gap * 0.8 + ascent, "end"),
        ]
        // Farther out, a line at a time, for crowded spots.
        for step in 1...3 {
            let shift = Double(step) * line
            for anchor in ["middle", "start", "end"] {
                spots.append((0, -gap - descent - shift, anchor))
                spots.append((0, gap + ascent + shift, anchor))
            }
        }
        var best: (x: Double, y: Double, anchor: String, box: Box)?
        var bestCost = Double.infinity
        for spot in spots {
            let x = centre.x + spot.dx, y = centre.y + spot.dy
            let left = spot.anchor == "start" ? x : spot.anchor == "end" ? x - width : x - width / 2
            let box = Box(left: left, top: y - ascent, right: left + width, bottom: y + descent)
            let outside = (box.right - box.left) * (box.bottom - box.top) - box.overlap(bounds)
            let cost = obstacles.overlap(with: box) + 4 * outside
            if cost < bestCost {
                best = (x, y, spot.anchor, box)
                bestCost = cost
                if cost == 0 { break }
            }
        }
        return best!
    }

    /// What the plot shows, in words: how many points, their ranges, the first labels.
    var description: String {
        let shown = drawn
        var text = "Scatter plot" + (title.map { " \"\($0)\"" } ?? "") + " of \(points.count) point\(points.count == 1 ? "" : "s")"
        if let xLow = shown.map({ points[$0].x }).min(), let xHigh = shown.map({ points[$0].x }).max(),
           let yLow = shown.map({ points[$0].y }).min(), let yHigh = shown.map({ points[$0].y }).max() {
            text += "; \(xLabel.flatMap { $0.isEmpty ? nil : $0 } ?? "x") from \(compactDecimal(xLow)) to \(compactDecimal(xHigh))"
                + ", \(yLabel.flatMap { $0.isEmpty ? nil : $0 } ?? "y") from \(compactDecimal(yLow)) to \(compactDecimal(yHigh))"
        }
        if shown.count < points.count { text += " (\(points.count - shown.count) not finite, not drawn)" }
        if let labels, !labels.isEmpty {
            let named = labels.prefix(12).joined(separator: ", ")
            text += "; labelled " + named + (labels.count > 12 ? ", …" : "")
        }
        return text
    }

    var data: FigureData {
        var data = FigureData(kind: "scatter")
        data.field("title", title ?? "")
        data.field("x", xLabel ?? "")
        data.field("y", yLabel ?? "")
        for (index, point) in points.enumerated() {
            let label = labels.map { " " + $0[index] } ?? ""
            data.row("point \(SVGText.value(point.x)) \(SVGText.value(point.y))" + label)
        }
        return data
    }
}
