/// Sums, means and maxima over all values or along axes (numpy's `sum`, `mean`, `max`,
/// `argmax`). Results are float32 (argmax: int32); sums accumulate in double precision.
/// Reduced axes are dropped unless `keepingDimensions` is true, which leaves them as 1
/// so the result broadcasts against the input (as softmax needs).
extension Tensor {
    /// The sum of all values, as a scalar tensor.
    public func sum() -> Tensor {
        sum(alongAxes: Array(0..<rank))
    }

    /// The sums along `axes`.
    public func sum(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        sum(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The sums along `axes`.
    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let sums = reduced(alongAxes: axes, keepingDimensions: keepingDimensions, name: "sum", initial: 0) { $0 + Double($1) }
        let shape = self.shape
        return sums.recorded("sum", inputs: [self]) { gradient in
            [gradient.reshaped(to: Tensor.keptShape(of: shape, reducing: axes)).broadcast(to: shape)]
        }
    }

    /// The mean of all values, as a scalar tensor.
    public func mean() -> Tensor {
        mean(alongAxes: Array(0..<rank))
    }

    /// The means along `axes`.
    public func mean(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        mean(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The means along `axes`.
    public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let sums = sum(alongAxes: axes, keepingDimensions: keepingDimensions)
        let count = Float(scalarCount / Swift.max(sums.scalarCount, 1))
        return sums / count
    }

    /// The largest value, as a scalar tensor (`nan` if any value is `nan`).
    public func max() -> Tensor {
        max(alongAxes: Array(0..<rank))
    }

    /// The largest values along `axes` (`nan` where a reduced slice holds `nan`).
    public func max(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        max(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// The largest values along `axes`.
    public func max(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let maxima = reduced(alongAxes: axes, keepingDimensions: keepingDimensions, name: "max", initial: -.infinity) { largest, value in
            largest.isNaN || largest >= Double(value) ? largest : Double(value)
        }
        return maxima.recorded("max", inputs: [self]) { gradient in
            // TensorFlow's: the gradient is shared equally by the values equal to the maximum.
            let kept = Tensor.keptShape(of: self.shape, reducing: axes)
            let largest = maxima.reshaped(to: kept).broadcast(to: self.shape).scalars
            let isLargest = Tensor(shape: self.shape, scalars: zip(self.scalars, largest).map { $0 == $1 ? 1 : 0 })
            let ties = isLargest.reduced(alongAxes: axes, keepingDimensions: true, name: "max", initial: 0) { $0 + Double($1) }
            let share = gradient.reshaped(to: kept).combiningScalars(with: ties) { $0 / $1 }
            return [share.broadcast(to: self.shape).combiningScalars(with: isLargest) { $0 * $1 }]
        }
    }

    /// The int32 position of the largest value along `axis` (the first one on ties),
    /// with `axis` removed from the shape: the predicted class of a batch of scores.
    public func argmax(alongAxis axis: Int = -1) -> Tensor {
        let axis = shape.normalizedAxis(axis, for: "argmax").orTrap()
        let count = shape.dimensions[axis]
        guard count > 0 else { fatalError("argmax: axis \(axis) of shape \(shape) is empty, so it has no largest value") }
        let (outer, inner) = shape.outerAndInnerCounts(around: axis)
        let values = scalars
        var positions = [Int32](repeating: 0, count: outer * inner)
        for block in 0..<outer {
            for column in 0..<inner {
                var best = 0
                for position in 1..<count where values[(block * count + position) * inner + column] > values[(block * count + best) * inner + column] {
                    best = position
                }
                positions[block * inner + column] = Int32(best)
            }
        }
        var dimensions = shape.dimensions
        dimensions.remove(at: axis)
        return Tensor(shape: TensorShape(dimensions), integers: positions)
            .recordedWithoutGradient("argmax", input: self, reason: "it returns positions, which do not change smoothly")
    }

    /// `shape` with the `axes` reduced to 1; axes as given to a reduction (may be negative).
    static func keptShape(of shape: TensorShape, reducing axes: [Int]) -> TensorShape {
        var kept = shape.dimensions
        for axis in axes { kept[axis < 0 ? axis + shape.rank : axis] = 1 }
        return TensorShape(kept)
    }

    /// This tensor repeated along its axes of size 1 to `shape` (numpy's `broadcast_to`), off the tape.
    func broadcast(to shape: TensorShape) -> Tensor {
        guard self.shape != shape else { return self }
        let values = scalars
        return Tensor(shape: shape, scalars: Broadcasting.offsets(from: self.shape, to: shape).map { values[$0] })
    }

    /// Folds every value into the accumulator of its output position with `combine`.
    private func reduced(alongAxes axes: [Int], keepingDimensions: Bool, name: String, initial: Double,
                         _ combine: (Double, Float) -> Double) -> Tensor {
        let axes = Tensor.reducedAxes(of: shape, axes, for: name).orTrap()
        var kept = shape.dimensions
        for axis in axes { kept[axis] = 1 }
        let keptShape = TensorShape(kept)
        // For each input value, the output position it folds into.
        let targets = Broadcasting.offsets(from: keptShape, to: shape)
        var accumulators = [Double](repeating: initial, count: keptShape.scalarCount)
        let values = scalars
        for (value, target) in zip(values, targets) { accumulators[target] = combine(accumulators[target], value) }
        let resultShape = keepingDimensions ? keptShape
            : TensorShape(shape.dimensions.indices.filter { !axes.contains($0) }.map { shape.dimensions[$0] })
        return Tensor(shape: resultShape, scalars: accumulators.map(Float.init))
    }

    /// `axes` normalized, or an error for an axis out of range or listed twice.
    static func reducedAxes(of shape: TensorShape, _ axes: [Int], for operation: String) -> Result<[Int], ShapeError> {
        var normalized: [Int] = []
        for axis in axes {
            switch shape.normalizedAxis(axis, for: operation) {
            case .success(let value):
                guard !normalized.contains(value) else {
                    return .failure(ShapeError("\(operation): axis \(axis) is listed twice in \(axes) for shape \(shape)"))
                }
                normalized.append(value)
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(normalized)
    }
}
