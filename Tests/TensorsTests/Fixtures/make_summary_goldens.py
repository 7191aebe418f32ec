#!/usr/bin/env python3
"""Writes keras-summaries.json: the text of Keras 3.15.1's `model.summary()` for models of the
engine's layers, with each layer's name, type, output shape and parameter count beside it (and,
for functional models, what each layer is connected to), so a test can lay the same rows out and
compare the text byte for byte. Also writes keras-functional-fit.json: a functional skip-gram model
(two inputs, two Embeddings, Dot, Flatten, sigmoid Activation) trained from given weights, whose
summary before and after that fit is among the summaries, the outputs of merge layers, and the
predictions of a model whose recurrent layers read the masks merges combined.

Needs tensorflow-cpu 2.21 and keras 3.15.1. Run from this folder: python3 make_summary_goldens.py
(here: /work/venv-keras/bin/python make_summary_goldens.py)
"""
import io
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402


def text(model, **kwargs):
    out = io.StringIO()
    model.summary(print_fn=lambda text, **_: out.write(text), **kwargs)
    return out.getvalue()


def connections(model, layer):
    """The layer's `Connected to` cell as Keras's summary writes it, or None in a table without it."""
    relevant = [node for nodes in getattr(model, "_nodes_by_depth", {}).values() for node in nodes]
    cells = [f"{t._keras_history.operation.name}[{t._keras_history.node_index}][{t._keras_history.tensor_index}]"
             for node in layer._inbound_nodes if node in relevant for t in node.input_tensors]
    return ", ".join(cells) or "-"


def rows(model, connected=False):
    """The summary's rows: a functional model's operations (layers and ops such as `not_equal`),
    as `print_summary` lists them, else its layers."""
    from keras.src.models.functional import Functional
    from keras.src.models.sequential import Sequential
    from keras.src.utils.summary_utils import format_layer_shape
    from rich.markup import render
    operations = model._operations if isinstance(model, Functional) and not isinstance(model, Sequential) else model.layers
    return [{"name": l.name, "type": l.__class__.__name__, "shape": render(format_layer_shape(l)).plain,
             "params": (l.count_params() if l.built else None) if hasattr(l, "built") else 0,
             **({"connected_to": connections(model, l)} if connected else {})} for l in operations]


cases = []
def case(name, model, connected=False, **kwargs):
    cases.append({"name": name, "model_name": model.name, "rows": rows(model, connected), "line_length": kwargs.get("line_length"),
                  "trainable": sum(int(w.numpy().size) for w in model.trainable_weights),
                  "non_trainable": sum(int(w.numpy().size) for w in model.non_trainable_weights),
                  "optimizer": sum(int(np.size(v.numpy())) for v in model.optimizer.variables)
                  if model.compiled and model.optimizer and model.optimizer.built else None,
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

# Functional models. Each starts a new session so that its default names are Keras's first ones
# (`functional`, `input_layer`, `embedding`, ...); the Swift tests give the same names.
def flat(array, dtype="float32"):
    array = np.asarray(array)
    return {"shape": list(array.shape), "values": array.ravel().tolist(), **({"dtype": "int32"} if dtype == "int32" else {})}


VOCABULARY, DIMENSION, SAMPLES = 12, 4, 24
keras.backend.clear_session()
target = keras.Input(shape=(1,), dtype="int32", name="target")
context = keras.Input(shape=(1,), dtype="int32", name="context")
similarity = layers.Dot(axes=2)([layers.Embedding(VOCABULARY, DIMENSION)(target), layers.Embedding(VOCABULARY, DIMENSION)(context)])
skip_gram = keras.Model(inputs=[target, context], outputs=layers.Activation("sigmoid")(layers.Flatten()(similarity)))
rng = np.random.default_rng(7)
initial_weights = [rng.uniform(-0.5, 0.5, (VOCABULARY, DIMENSION)).astype(np.float32) for _ in range(2)]
skip_gram.set_weights(initial_weights)
targets = rng.integers(0, VOCABULARY, (SAMPLES, 1)).astype(np.int32)
contexts = rng.integers(0, VOCABULARY, (SAMPLES, 1)).astype(np.int32)
labels = rng.integers(0, 2, (SAMPLES, 1)).astype(np.float32)
skip_gram.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy", metrics=["accuracy"])
case("functional_skip_gram", skip_gram, connected=True)
batch_logs = []
history = skip_gram.fit([targets, contexts], labels, batch_size=8, epochs=3, shuffle=False, verbose=0,
                        callbacks=[keras.callbacks.LambdaCallback(on_batch_end=lambda _, logs: batch_logs.append(dict(logs)))])
case("functional_skip_gram_after_fit", skip_gram, connected=True)
fit = {
    "config": "Input((1,), int32) x2 -> Embedding(12, 4) each -> Dot(axes=2) -> Flatten -> Activation(sigmoid); "
              "compile(Adam(0.05), 'binary_crossentropy', metrics=['accuracy']); fit(batch_size=8, epochs=3, shuffle=False)",
    "initial_weights": [flat(w) for w in initial_weights],
    "targets": flat(targets, "int32"), "contexts": flat(contexts, "int32"), "labels": flat(labels),
    "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
    "batch_logs": [{k: float(v) for k, v in logs.items()} for logs in batch_logs],
    "final_weights": [flat(w.numpy()) for w in skip_gram.weights],
    "final_optimizer_variables": [flat(v.numpy()) for v in skip_gram.optimizer.variables],
    "evaluate": {k: float(v) for k, v in skip_gram.evaluate([targets, contexts], labels, verbose=0, return_dict=True).items()},
    "predict": flat(skip_gram.predict([targets, contexts], verbose=0)),
}

# Merge layers' outputs on given inputs (forward only; gradients are checked against the equivalent
# tensor operations in Swift).
rng = np.random.default_rng(11)
a3, b3 = rng.standard_normal((2, 3, 4)).astype(np.float32), rng.standard_normal((2, 5, 4)).astype(np.float32)
a2, b2 = rng.standard_normal((2, 4)).astype(np.float32), rng.standard_normal((2, 4)).astype(np.float32)
c3 = rng.standard_normal((2, 5, 3)).astype(np.float32)
merges = {
    "dot_axes_2_2": (layers.Dot(axes=(2, 2)), [a3, b3]),
    "dot_axes_1_2_normalize": (layers.Dot(axes=(1, 2), normalize=True), [a3, c3]),
    "dot_rank_2": (layers.Dot(axes=-1), [a2, b2]),
    "dot_rank_2_normalize": (layers.Dot(axes=1, normalize=True), [a2, b2]),
    "add": (layers.Add(), [a2, b2]),
    "multiply": (layers.Multiply(), [a2, b2]),
    "concatenate_axis_1": (layers.Concatenate(axis=1), [a3, b3]),
    "reshape": (layers.Reshape((2, -1)), [a3]),
    "flatten": (layers.Flatten(), [a3]),
}
forward = {name: {"inputs": [flat(x) for x in xs], "output": flat(layer(xs if len(xs) > 1 else xs[0]).numpy())}
           for name, (layer, xs) in merges.items()}
# A functional model whose recurrent layers read masks that merges combined: two masked
# embeddings, their sequences concatenated and the embeddings added, on ids with padding (one
# sequence all padding). Its predictions from given weights, and its summary.
keras.backend.clear_session()
ids, other_ids = keras.Input(shape=(6,), dtype="int32"), keras.Input(shape=(6,), dtype="int32")
x, y = layers.Embedding(12, 4, mask_zero=True)(ids), layers.Embedding(12, 4, mask_zero=True)(other_ids)
sequences = layers.Concatenate()([layers.LSTM(3, return_sequences=True)(x), layers.GRU(3, return_sequences=True, go_backwards=True)(y)])
summed = layers.Add()([x, y])
masked_merges = keras.Model([ids, other_ids], layers.Dense(1)(layers.Concatenate()([layers.LSTM(2)(sequences), layers.SimpleRNN(2)(summed)])))
masked_merges.set_weights([rng.uniform(-0.5, 0.5, w.shape).astype(np.float32) for w in masked_merges.weights])
id_batches = [np.array([[3, 1, 4, 1, 0, 0], [2, 7, 0, 0, 0, 0], [5, 0, 0, 0, 0, 0]], np.int32),
              np.array([[1, 2, 0, 0, 0, 0], [9, 9, 9, 9, 9, 0], [0, 0, 0, 0, 0, 0]], np.int32)]
masked_merges_predict = {"weights": [flat(w.numpy()) for w in masked_merges.weights], "inputs": [flat(i, "int32") for i in id_batches],
                         "predict": flat(masked_merges.predict(id_batches, verbose=0))}
case("functional_masked_merges", masked_merges, connected=True)
# Then trained, so that the gradients flow through the combined masks too.
merge_labels = np.array([[1.0], [0.0], [0.5]], np.float32)
masked_merges.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
merge_history = masked_merges.fit(id_batches, merge_labels, batch_size=2, epochs=3, shuffle=False, verbose=0)
masked_merges_predict["fit"] = {"config": "compile(Adam(0.05), 'mse'); fit(batch_size=2, epochs=3, shuffle=False)",
                                "labels": flat(merge_labels), "loss": [float(v) for v in merge_history.history["loss"]]}

json.dump({"meta": {"keras": keras.__version__, "made_by": "Tests/TensorsTests/Fixtures/make_summary_goldens.py"},
           "skip_gram_fit": fit, "merge_forward": forward, "masked_merges_predict": masked_merges_predict},
          open("keras-functional-fit.json", "w"), indent=1)

keras.backend.clear_session()
first, second = keras.Input(shape=(5,), dtype="int32", name="first"), keras.Input(shape=(5,), dtype="int32", name="second")
embedding, encoder = layers.Embedding(20, 6), layers.LSTM(4)
joined = layers.Add()([encoder(embedding(first)), encoder(embedding(second))])
case("functional_shared_layers", keras.Model([first, second], layers.Dense(1, activation="sigmoid")(joined)), connected=True)

keras.backend.clear_session()
words = keras.Input(shape=(6,), name="a_rather_long_input_name_that_wraps")
left = layers.Dense(3, name="dense_layer_with_a_long_name")(words)
right = layers.Dense(3)(words)
wide = keras.Model(words, layers.Concatenate(name="concatenate_the_two_branches")([left, right]), name="wide_and_deep")
case("functional_long_names", wide, connected=True)

keras.backend.clear_session()
ids = keras.Input(shape=(None,), dtype="int32")
# Without mask_zero: with it, Keras adds the mask's `NotEqual` operation to the graph and the summary.
sequence = layers.Bidirectional(layers.LSTM(5, return_sequences=True))(layers.Embedding(100, 8)(ids))
case("functional_bidirectional_chain", keras.Model(ids, layers.Dense(1)(sequence)))

keras.backend.clear_session()
ids = keras.Input(shape=(7,), dtype="int32")
output, state_h, state_c = layers.LSTM(4, return_state=True)(layers.Embedding(30, 3)(ids))
states = keras.Model(ids, layers.Concatenate()([output, state_h, state_c]))
case("functional_lstm_states", states, connected=True)

keras.backend.clear_session()
encoder_input, decoder_input = keras.Input(shape=(5, 3), name="encoder_input"), keras.Input(shape=(4, 3), name="decoder_input")
_, state_h, state_c = layers.LSTM(6, return_state=True, name="encoder")(encoder_input)
decoded = layers.LSTM(6, return_sequences=True, name="decoder")(decoder_input, initial_state=[state_h, state_c])
case("functional_encoder_decoder", keras.Model([encoder_input, decoder_input], layers.Dense(2)(decoded), name="seq2seq"), connected=True)

keras.backend.clear_session()
a, b = keras.Input(shape=(3,), name="a"), keras.Input(shape=(3,), name="b")
inner = keras.Model([a, b], layers.Add()([layers.Dense(2)(a), layers.Dense(2)(b)]))
x, y = keras.Input(shape=(3,), name="x"), keras.Input(shape=(3,), name="y")
case("functional_nested", keras.Model([x, y], layers.Dense(1)(inner([x, y])), name="outer"), connected=True)

# With mask_zero, Keras records the mask as a `not_equal` operation: a row of the summary (not of
# model.layers) that a recurrent layer called on the masked tensor alone is connected to, and that
# a sequence output passes on. A layer with several tensor arguments (initial states) is not given
# the mask, nor is a Dense, which passes it on; a mask no layer reads leaves the graph a chain.
keras.backend.clear_session()
ids = keras.Input(shape=(5,), dtype="int32")
stacked = layers.LSTM(2)(layers.LSTM(3, return_sequences=True)(layers.Embedding(10, 4, mask_zero=True)(ids)))
case("functional_masked_lstm_stack", keras.Model(ids, layers.Dense(1)(stacked)), connected=True)

keras.backend.clear_session()
ids, h0, c0 = keras.Input(shape=(5,), dtype="int32"), keras.Input(shape=(3,)), keras.Input(shape=(3,))
projected = layers.Dropout(0.1)(layers.Dense(2)(layers.Embedding(10, 4, mask_zero=True)(ids)))
started = layers.LSTM(3, return_sequences=True)(projected, initial_state=[h0, c0])
case("functional_masked_initial_state", keras.Model([ids, h0, c0], layers.Bidirectional(layers.GRU(2))(started)), connected=True)

keras.backend.clear_session()
ids = keras.Input(shape=(5,), dtype="int32")
case("functional_masked_dense_chain", keras.Model(ids, layers.Dense(2)(layers.Embedding(10, 4, mask_zero=True)(ids))))

# Add and Multiply combine their inputs' masks with `logical_or` operations, which the recurrent
# layer after them reads; with an unmasked input there is no mask, and the `not_equal` no layer
# reads stays out of the graph.
keras.backend.clear_session()
first, second = keras.Input(shape=(4,), dtype="int32"), keras.Input(shape=(4,), dtype="int32")
x, y = layers.Embedding(10, 3, mask_zero=True)(first), layers.Embedding(10, 3, mask_zero=True)(second)
case("functional_masked_add", keras.Model([first, second], layers.LSTM(2)(layers.Dense(3)(layers.Add()([x, y])))), connected=True)

keras.backend.clear_session()
first, second = keras.Input(shape=(4,), dtype="int32"), keras.Input(shape=(4,), dtype="int32")
x, y = layers.Embedding(10, 3, mask_zero=True)(first), layers.Embedding(10, 3, mask_zero=True)(second)
case("functional_masked_multiply_three", keras.Model([first, second], layers.GRU(2)(layers.Multiply()([x, y, x]))), connected=True)

keras.backend.clear_session()
first, second = keras.Input(shape=(4,), dtype="int32"), keras.Input(shape=(4,), dtype="int32")
x, y = layers.Embedding(10, 3, mask_zero=True)(first), layers.Embedding(10, 3)(second)
case("functional_half_masked_add", keras.Model([first, second], layers.LSTM(2)(layers.Add()([x, y]))), connected=True)

# Concatenate widens each mask to its input's shape (expand_dims, zeros_like, logical_or; ones_like
# for an unmasked input), concatenates them and takes `any` over the last axis.
keras.backend.clear_session()
ids = keras.Input(shape=(5,), dtype="int32")
embedded = layers.Embedding(10, 4, mask_zero=True)(ids)
both = layers.Concatenate()([layers.LSTM(3, return_sequences=True)(embedded),
                             layers.LSTM(3, return_sequences=True, go_backwards=True)(embedded)])
case("functional_masked_concatenate", keras.Model(ids, layers.LSTM(2)(both)), connected=True)

keras.backend.clear_session()
ids, features = keras.Input(shape=(5,), dtype="int32"), keras.Input(shape=(5, 2))
joined = layers.Concatenate(axis=1)([layers.Embedding(10, 2, mask_zero=True)(ids), features])
case("functional_half_masked_concatenate_steps", keras.Model([ids, features], layers.GRU(2)(joined)), connected=True)

json.dump({"meta": {"keras": keras.__version__}, "cases": cases}, open("keras-summaries.json", "w"), ensure_ascii=False, indent=1)
print("wrote keras-summaries.json and keras-functional-fit.json")
