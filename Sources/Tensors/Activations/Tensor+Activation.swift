extension Tensor {
    /// A float32 tensor with `activation` applied: to every value, or for `softmax` and `logSoftmax`
    /// to every vector along the last axis (the same code the layers run on their buffers).
    /// A `sigmoid` or `softmax` output remembers its input, from which the crossentropy losses
    /// compute, as Keras's `_keras_logits`.
    public func applying(_ activation: Activation) -> Tensor {
        let length = shape.dimensions.last ?? 1
        let output = mappingScalars { values in
            if activation.isElementwise {
                activation.apply(values)
            } else if let start = values.baseAddress, length > 0 {
                activation.normalizeRows(start, rows: values.count / length, length: length)
            }
        }
        return output.recordedActivation(activation, input: self)
    }

    /// This tensor, the output of `activation` applied to `input`, recorded with its gradient and,
    /// for `sigmoid` and `softmax`, carrying `input` as its logits.
    func recordedActivation(_ activation: Activation, input: Tensor) -> Tensor {
        let length = shape.dimensions.last ?? 1
        var output = recorded(activation.rawValue, inputs: [input]) { [self] gradient in
            [gradient.mappingScalars { g in
                input.scalars.withUnsafeBufferPointer { x in
                    scalars.withUnsafeBufferPointer { y in
                        activation.backpropagate(g.baseAddress!, inputs: x.baseAddress!, outputs: y.baseAddress!,
                                                 count: g.count, length: length)
                    }
                }
            }]
        }
        if activation == .sigmoid || activation == .softmax {
            output.logits = Logits(input.withMask(nil), activation: activation)
        }
        return output
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
