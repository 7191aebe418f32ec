#!/usr/bin/env python3
"""Writes Tests/TensorsTests/Fixtures/keras-initial-state.json: recurrent layers called with
`initial_state`, their weights, inputs and outputs, for InitialStateGoldenTests.

    /work/venv-peers/bin/python Tests/TensorsTests/Fixtures/make_initial_state_goldens.py   # needs keras and tensorflow
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras
import numpy as np

keras.utils.set_random_seed(2024)
BATCH, TIMESTEPS, FEATURES, UNITS = 3, 5, 4, 6
x = np.random.standard_normal((BATCH, TIMESTEPS, FEATURES)).astype(np.float32)
# The third sequence has its last two steps masked.
mask = np.ones((BATCH, TIMESTEPS), dtype=bool)
mask[2, 3:] = False


def states(count):
    return [np.random.uniform(-0.8, 0.8, (BATCH, UNITS)).astype(np.float32) for _ in range(count)]


def flat(arrays):
    return [{"shape": list(a.shape), "values": np.asarray(a, dtype=np.float32).ravel().tolist()} for a in arrays]


cases = {}
for name, make, count in [
    ("lstm", lambda **kw: keras.layers.LSTM(UNITS, **kw), 2),
    ("gru", lambda **kw: keras.layers.GRU(UNITS, **kw), 1),
    ("simple_rnn", lambda **kw: keras.layers.SimpleRNN(UNITS, **kw), 1),
    ("lstm_backwards", lambda **kw: keras.layers.LSTM(UNITS, go_backwards=True, **kw), 2),
]:
    layer = make(return_sequences=True, return_state=True)
    initial = states(count)
    result = layer(x, initial_state=initial, mask=mask)
    cases[name] = {"weights": flat(layer.get_weights()), "initial_state": flat(initial),
                   "output": flat([result[0]]), "states": flat(result[1:])}

bidirectional = keras.layers.Bidirectional(keras.layers.LSTM(UNITS, return_sequences=True, return_state=True))
initial = states(4)
result = bidirectional(x, initial_state=initial, mask=mask)
cases["bidirectional_lstm"] = {"weights": flat(bidirectional.get_weights()), "initial_state": flat(initial),
                               "output": flat([result[0]]), "states": flat(result[1:])}

goldens = {"meta": {"keras_version": keras.__version__, "made_by": "Tests/TensorsTests/Fixtures/make_initial_state_goldens.py",
                    "input_shape": [BATCH, TIMESTEPS, FEATURES], "units": UNITS,
                    "mask": "all steps real except sequence 2's last two"},
           "input": x.ravel().tolist(), "mask": mask.ravel().tolist(), "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras-initial-state.json")
with open(path, "w") as f:
    json.dump(goldens, f)
print(path)
