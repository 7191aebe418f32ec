#!/usr/bin/env python3
"""Writes keras-summaries.json: the text of Keras 3.15.1's `model.summary()` for models of the
engine's layers, with each layer's name, type, output shape and parameter count beside it, so a
test can lay the same rows out and compare the text byte for byte.

Needs tensorflow-cpu 2.21 and keras 3.15.1. Run from this folder: python3 make_summary_goldens.py
"""
import io
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
from keras import layers  # noqa: E402


def text(model, **kwargs):
    out = io.StringIO()
    model.summary(print_fn=lambda text, **_: out.write(text), **kwargs)
    return out.getvalue()


def rows(model):
    from keras.src.utils.summary_utils import format_layer_shape
    from rich.markup import render
    return [{"name": l.name, "type": l.__class__.__name__, "shape": render(format_layer_shape(l)).plain,
             "params": l.count_params() if l.built else None} for l in model.layers]


cases = []
def case(name, model, **kwargs):
    cases.append({"name": name, "model_name": model.name, "rows": rows(model), "line_length": kwargs.get("line_length"),
                  "trainable": sum(int(w.numpy().size) for w in model.trainable_weights),
                  "non_trainable": sum(int(w.numpy().size) for w in model.non_trainable_weights),
                  "text": text(model, **kwargs)})

keras.backend.clear_session()
unbuilt = keras.Sequential([layers.Embedding(20, 8), layers.LSTM(6), layers.Dense(1, activation="sigmoid")])
case("unbuilt", unbuilt)
built = keras.Sequential([layers.Embedding(10000, 64, mask_zero=True), layers.Bidirectional(layers.LSTM(64, return_sequences=True)),
                          layers.SimpleRNN(32), layers.Dense(1, activation="sigmoid")])
built.build((None, 100))
case("built_bidirectional", built)
case("narrow_wraps_cells", built, line_length=40)
named = keras.Sequential([layers.Embedding(50, 4, name="a_rather_long_embedding_layer_name_that_wraps"),
                          layers.GRU(3, name="gru_with_a_name_longer_than_its_column"), layers.Dense(2)],
                         name="my_model")
named.build((None, 5))
case("long_names", named)
json.dump({"meta": {"keras": keras.__version__}, "cases": cases}, open("keras-summaries.json", "w"), ensure_ascii=False, indent=1)
print("wrote keras-summaries.json")
