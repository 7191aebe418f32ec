#!/usr/bin/env python3
"""Writes Tests/TensorsTests/Fixtures/keras-activations.json: every Keras 3 activation that takes
no required argument, by name, applied to the same float32 inputs, for ActivationGoldenTests.

    /work/venv-peers/bin/python Tests/TensorsTests/Fixtures/make_activation_goldens.py   # needs keras and tensorflow
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras
import numpy as np

NAMES = ["linear", "tanh", "sigmoid", "relu", "hard_sigmoid", "leaky_relu", "relu6", "elu", "selu",
         "celu", "gelu", "silu", "swish", "hard_silu", "hard_swish", "hard_tanh", "softplus", "softsign",
         "squareplus", "soft_shrink", "hard_shrink", "tanh_shrink", "sparse_plus", "sparse_sigmoid",
         "exponential", "log_sigmoid", "mish", "softmax", "log_softmax"]

# Two rows of a (2, 3, 7) tensor: saturation, the kinks at ±0.5, ±1, 0 and ±3, and ordinary values;
# softmax and log_softmax normalise each row of 7 along the last axis.
values = np.array([-30, -9, -3.5, -3, -2.2, -1, -0.75, -0.5, -0.25, -1e-3, 0, 1e-3, 0.25, 0.5, 0.75, 1,
                   1.7, 3, 3.5, 6.5, 9, -80, 0.3, 2, -0.6, 40, 12, -15, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6,
                   0.7, 88, 80, -87, 5, -5, 0.01, 20], dtype=np.float32).reshape(2, 3, 7)
goldens = {
    "meta": {"keras_version": keras.__version__, "backend": keras.backend.backend(),
             "layout": "row-major float32, shape (2, 3, 7); softmax and log_softmax along the last axis",
             "made_by": "Tests/TensorsTests/Fixtures/make_activation_goldens.py"},
    "input": values.ravel().tolist(),
    "outputs": {name: np.asarray(keras.activations.get(name)(values)).astype(np.float32).ravel().tolist()
                for name in NAMES},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras-activations.json")
with open(path, "w") as f:
    json.dump(goldens, f, indent=1)
print(path)
