extension Tensor {
    /// A float32 tensor with `activation` applied: to every value, or for `softmax` and `logSoftmax`
    /// to every vector along the last axis (the same code the layers run on their buffers).
    public func applying(_ activation: Activation) -> Tensor {
        guard !activation.isElementwise else { return mappingScalars { activation.apply($0) } }
        let length = shape.dimensions.last ?? 1
        return mappingScalars { values in
            guard let start = values.baseAddress, length > 0 else { return }
            activation.normalizeRows(start, rows: values.count / length, length: length)
        }
    }
}

/// The hyperbolic tangent of every value.
public func tanh(_ x: Tensor) -> Tensor { x.applying(.tanh) }

/// The logistic sigmoid `1 / (1 + exp(-x))` of every value.
public func sigmoid(_ x: Tensor) -> Tensor { x.applying(.sigmoid) }

/// `max(x, 0)` of every value.
public func relu(_ x: Tensor) -> Tensor { x.applying(.relu) }

/// Keras 3's hard sigmoid `clip(x / 6 + 0.5, 0, 1)` of every value.
public func hardSigmoid(_ x: Tensor) -> Tensor { x.applying(.hardSigmoid) }

/// The values unchanged, as float32 (Keras' `linear` activation).
public func linear(_ x: Tensor) -> Tensor { x.applying(.linear) }
