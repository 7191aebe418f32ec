#!/usr/bin/env python3
"""Writes Tests/TensorsTests/Fixtures/keras-recurrent-dropout.json: recurrent layers called in
training with `dropout` and `recurrent_dropout` on given masks, for RecurrentDropoutGoldenTests.

Keras draws a call's masks once and caches them on the cell (`DropoutRNNCell`); setting the cache
before the call makes Keras use these masks, so the outputs pin down how each mask is applied
(one input mask for every gate, or one per gate with recurrent dropout; h_{t−1} dropped per gate).

    /work/venv-keras/bin/python Tests/TensorsTests/Fixtures/make_recurrent_dropout_goldens.py
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras
import numpy as np

rng = np.random.default_rng(31)
BATCH, TIMESTEPS, FEATURES, UNITS = 3, 5, 4, 3
x = rng.uniform(-1, 1, (BATCH, TIMESTEPS, FEATURES)).astype(np.float32)
# Sequence 1 is masked at its second step, sequence 2 at its last two.
mask = np.ones((BATCH, TIMESTEPS), dtype=bool)
mask[1, 1] = False
mask[2, 3:] = False


def scales(shape, rate):
    return (rng.uniform(0, 1, shape) >= rate).astype(np.float32) / np.float32(1 - rate)


def flat(arrays):
    return [{"shape": list(a.shape), "values": np.asarray(a, dtype=np.float32).ravel().tolist()} for a in arrays]


cases = {}
for name, kind, gates, options in [
    ("simple_rnn_both", keras.layers.SimpleRNN, 1, dict(dropout=0.5, recurrent_dropout=0.5, go_backwards=True)),
    ("lstm_input_only", keras.layers.LSTM, 4, dict(dropout=0.5)),
    ("lstm_recurrent_only", keras.layers.LSTM, 4, dict(recurrent_dropout=0.4)),
    ("lstm_both", keras.layers.LSTM, 4, dict(dropout=0.5, recurrent_dropout=0.5, go_backwards=True)),
    ("gru_reset_after_both", keras.layers.GRU, 3, dict(dropout=0.5, recurrent_dropout=0.5)),
    ("gru_reset_before_both", keras.layers.GRU, 3, dict(dropout=0.5, recurrent_dropout=0.5, reset_after=False)),
    ("gru_input_only", keras.layers.GRU, 3, dict(dropout=0.5, go_backwards=True)),
]:
    layer = kind(UNITS, return_sequences=True, **options)
    layer.build((BATCH, TIMESTEPS, FEATURES))
    weights = [rng.uniform(-0.6, 0.6, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    rate, recurrent_rate = options.get("dropout", 0), options.get("recurrent_dropout", 0)
    per_gate = recurrent_rate > 0 and gates > 1
    input_masks = [scales((BATCH, FEATURES), rate) for _ in range(gates if per_gate else 1)] if rate > 0 else []
    recurrent_masks = [scales((BATCH, UNITS), recurrent_rate) for _ in range(gates)] if recurrent_rate > 0 else []
    cell = layer.cell
    if input_masks:
        cell._dropout_mask = input_masks if per_gate else input_masks[0]
    if recurrent_masks:
        cell._recurrent_dropout_mask = recurrent_masks if gates > 1 else recurrent_masks[0]
    output = layer(x, mask=mask, training=True)
    cases[name] = {"weights": flat(weights), "input_masks": flat(input_masks), "recurrent_masks": flat(recurrent_masks),
                   "output": flat([output])[0], "options": {k: v for k, v in options.items()}}

goldens = {"meta": {"keras_version": keras.__version__, "made_by": "Tests/TensorsTests/Fixtures/make_recurrent_dropout_goldens.py",
                    "input_shape": [BATCH, TIMESTEPS, FEATURES], "units": UNITS,
                    "mask": "sequence 1's second step and sequence 2's last two are masked",
                    "masks": "input masks (batch, features), one or one per gate; recurrent masks (batch, units), one per gate"},
           "input": x.ravel().tolist(), "mask": mask.ravel().tolist(), "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras-recurrent-dropout.json")
with open(path, "w") as f:
    json.dump(goldens, f)
print(path)
