#!/usr/bin/env python3
"""Writes Tests/TensorsTests/Fixtures/keras-fit-goldens.json: `fit` runs of Keras 3.15.1 on
configurations held out from keras-training-goldens.json (masks, Bidirectional, RMSprop, a validation
split with early stopping, SGD with Nesterov momentum, regression, GRU with clipnorm, sparse
categorical crossentropy; then losses per timestep on masked sequences, rank-one labels,
validation_data, AdamW, Adagrad under a schedule, a two-input skip-gram, clipvalue and
global_clipnorm), for FitConfigurationGoldenTests.

As in the training reference (../shared/reference/README.md, "Training reference"): every weight is
set explicitly after build (float32 U(-0.5, 0.5), biases included) and every input and label comes
from np.random.default_rng(SEED) in script order, so no random generator has to match; `fit` runs
with shuffle=False and verbose=0. Each case records the History, every batch's logs, the final
weights and optimizer variables, `evaluate` (return_dict=True) and `predict` on a test set, and
`summary()` after training.

    /work/venv-keras/bin/python Tests/TensorsTests/Fixtures/make_fit_goldens.py
"""
import io
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras
import numpy as np

SEED = 12
keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)


def array(values, dtype=None):
    values = np.asarray(values)
    result = {"shape": list(values.shape), "values": values.astype(np.float64).ravel().tolist()}
    if dtype or values.dtype.kind in "iu":
        result["dtype"] = dtype or "int32"
    return result


def weights_of(model):
    return [dict(array(w.numpy()), name=w.name, path=w.path) for w in model.weights]


def padded_ids(count, length, vocabulary, shortest=1):
    """Sequences of ids 1 ..< vocabulary, pre-padded with 0 to `length` (Keras's pad_sequences default)."""
    x = np.zeros((count, length), dtype=np.int32)
    for row in range(count):
        size = int(rng.integers(shortest, length + 1))
        x[row, length - size:] = rng.integers(1, vocabulary, size)
    return x


def run(name, layers, input_shape, compile_args, data, fit_args, description, callbacks=(), validation_data=None):
    """Fits `layers` in a Sequential model on (N, *input_shape[1:]) inputs, or `layers` itself when it is a model."""
    x_train, y_train, x_test, y_test = data
    if isinstance(layers, keras.Model):
        model = layers
    else:
        model = keras.Sequential([keras.Input(input_shape[1:], dtype="int32" if x_train.dtype.kind == "i" else "float32")] + layers)
    for w in model.weights:
        w.assign(rng.uniform(-0.5, 0.5, w.shape).astype(np.float32))
    initial = weights_of(model)
    model.compile(**compile_args)
    batch_logs = []
    logger = keras.callbacks.LambdaCallback(on_train_batch_end=lambda batch, logs: batch_logs.append(
        {k: float(v) for k, v in logs.items()}))
    history = model.fit(x_train, y_train, shuffle=False, verbose=0, callbacks=[logger, *callbacks],
                        validation_data=validation_data, **fit_args)
    case = {
        "description": description,
        "fit": {k: v for k, v in fit_args.items()},
        "x_train": [array(x) for x in x_train] if isinstance(x_train, list) else array(x_train),
        "y_train": array(y_train),
        "x_test": [array(x) for x in x_test] if isinstance(x_test, list) else array(x_test), "y_test": array(y_test),
        "initial_weights": initial,
        "history": {k: [float(v) for v in values] for k, values in history.history.items()},
        "epochs_run": len(history.epoch),
        "batch_logs": batch_logs,
        "final_weights": weights_of(model),
        "final_optimizer_variables": [dict(array(v.numpy()), path=v.path) for v in model.optimizer.variables],
        "evaluate": {k: float(v) for k, v in model.evaluate(x_test, y_test, verbose=0, return_dict=True).items()},
        "predict": array(model.predict(x_test, verbose=0)),
        "summary_text_after_fit": summary_text(model),
    }
    if validation_data is not None:
        case["x_validation"], case["y_validation"] = array(validation_data[0]), array(validation_data[1])
    for callback in callbacks:
        if isinstance(callback, keras.callbacks.EarlyStopping):
            case["early_stopping"] = {"stopped_epoch": callback.stopped_epoch, "best_epoch": callback.best_epoch}
    cases[name] = case


def summary_text(model):
    """What `model.summary()` prints where stdout is not a terminal (76 columns)."""
    out = io.StringIO()
    model.summary(print_fn=lambda text, **_: out.write(text), line_length=76)
    return out.getvalue()


def binary_ids(count, length, vocabulary, positive_ids, shortest=1):
    x = padded_ids(count, length, vocabulary, shortest)
    y = np.isin(x, positive_ids).any(axis=1).astype(np.float32).reshape(-1, 1)
    return x, y


cases = {}

# (a) Embedding(mask_zero) + SimpleRNN on pre-padded sequences; sample 0 of each set is all padding.
x, y = binary_ids(40, 6, 15, [3, 4])
x[0] = 0
y[0] = 0
xt, yt = binary_ids(12, 6, 15, [3, 4])
xt[0] = 0
run("masked_simple_rnn",
    [keras.layers.Embedding(15, 4, mask_zero=True), keras.layers.SimpleRNN(5), keras.layers.Dense(1, activation="sigmoid")],
    (None, 6), dict(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(15, 4, mask_zero) -> SimpleRNN(5) -> Dense(1, sigmoid); Adam(0.01); padded sequences, one all padding")

# (b) Bidirectional(LSTM) on masked sequences, merged by concatenation and by sum.
for mode in ["concat", "sum"]:
    x, y = binary_ids(32, 5, 12, [2])
    xt, yt = binary_ids(10, 5, 12, [2])
    run(f"bidirectional_lstm_{mode}",
        [keras.layers.Embedding(12, 4, mask_zero=True), keras.layers.Bidirectional(keras.layers.LSTM(3), merge_mode=mode),
         keras.layers.Dense(1, activation="sigmoid")],
        (None, 5), dict(optimizer=keras.optimizers.Adam(0.02), loss="binary_crossentropy", metrics=["accuracy"]),
        (x, y, xt, yt), dict(batch_size=8, epochs=3),
        f"Embedding(12, 4, mask_zero) -> Bidirectional(LSTM(3), merge_mode={mode}) -> Dense(1, sigmoid); Adam(0.02)")

# (c) RMSprop without and with momentum, on an embedding (sparse rows) and an LSTM.
for label, momentum in [("rmsprop", 0.0), ("rmsprop_momentum", 0.9)]:
    x, y = binary_ids(24, 5, 10, [1], shortest=5)
    xt, yt = binary_ids(8, 5, 10, [1], shortest=5)
    run(label,
        [keras.layers.Embedding(10, 3), keras.layers.LSTM(4), keras.layers.Dense(1, activation="sigmoid")],
        (None, 5), dict(optimizer=keras.optimizers.RMSprop(0.01, momentum=momentum), loss="binary_crossentropy",
                        metrics=["accuracy"]),
        (x, y, xt, yt), dict(batch_size=6, epochs=3),
        f"Embedding(10, 3) -> LSTM(4) -> Dense(1, sigmoid); RMSprop(0.01, momentum={momentum})")

# (d) validation_split 0.25 without shuffling, with EarlyStopping restoring the best weights: a
# learning rate large enough that val_loss rises, so training stops and the best epoch comes back.
x = rng.uniform(-1, 1, (20, 3)).astype(np.float32)
y = (x.sum(axis=1, keepdims=True) > 0).astype(np.float32)
xt = rng.uniform(-1, 1, (6, 3)).astype(np.float32)
yt = (xt.sum(axis=1, keepdims=True) > 0).astype(np.float32)
stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True)
run("validation_split_early_stopping",
    [keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1, activation="sigmoid")],
    (None, 3), dict(optimizer=keras.optimizers.SGD(3.0), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=4, epochs=12, validation_split=0.25),
    "Dense(4, tanh) -> Dense(1, sigmoid); SGD(3.0); validation_split 0.25, EarlyStopping(val_loss, patience 1, restore_best_weights)",
    callbacks=[stopping])

# (e) SGD with Nesterov momentum.
x, y = binary_ids(24, 4, 10, [5])
xt, yt = binary_ids(8, 4, 10, [5])
run("sgd_nesterov",
    [keras.layers.Embedding(10, 4, mask_zero=True), keras.layers.LSTM(4), keras.layers.Dense(1, activation="sigmoid")],
    (None, 4), dict(optimizer=keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True), loss="binary_crossentropy",
                    metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(10, 4, mask_zero) -> LSTM(4) -> Dense(1, sigmoid); SGD(0.1, momentum 0.9, nesterov)")

# (f) Regression: mean squared error with mean absolute error as the metric.
x = rng.uniform(-1, 1, (30, 5)).astype(np.float32)
w = rng.uniform(-1, 1, (5, 1)).astype(np.float32)
y = (x @ w + 0.3 * np.sin(3 * x[:, :1])).astype(np.float32)
xt = rng.uniform(-1, 1, (7, 5)).astype(np.float32)
yt = (xt @ w + 0.3 * np.sin(3 * xt[:, :1])).astype(np.float32)
run("regression_mse",
    [keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)],
    (None, 5), dict(optimizer=keras.optimizers.Adam(0.01), loss="mean_squared_error", metrics=["mean_absolute_error"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=4),
    "Dense(8, relu) -> Dense(1); Adam(0.01); mean_squared_error, metric mean_absolute_error")

# (g) GRU (reset_after) with Adam and clipnorm.
x, y = binary_ids(24, 5, 12, [7, 8], shortest=5)
xt, yt = binary_ids(8, 5, 12, [7, 8], shortest=5)
run("gru_adam_clipnorm",
    [keras.layers.Embedding(12, 4), keras.layers.GRU(5), keras.layers.Dense(1, activation="sigmoid")],
    (None, 5), dict(optimizer=keras.optimizers.Adam(0.05, clipnorm=0.1), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(12, 4) -> GRU(5, reset_after) -> Dense(1, sigmoid); Adam(0.05, clipnorm 0.1)")

# (h) Sparse categorical crossentropy on a softmax output, with accuracy.
x = rng.uniform(-1, 1, (30, 4)).astype(np.float32)
y = np.argmax(x[:, :3], axis=1).astype(np.int32)
xt = rng.uniform(-1, 1, (9, 4)).astype(np.float32)
yt = np.argmax(xt[:, :3], axis=1).astype(np.int32)
run("sparse_categorical_softmax",
    [keras.layers.Dense(6, activation="tanh"), keras.layers.Dense(3, activation="softmax")],
    (None, 4), dict(optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Dense(6, tanh) -> Dense(3, softmax); Adam(0.02); sparse_categorical_crossentropy on int labels (N,), accuracy")

# (i) A loss per timestep on masked sequences: Keras weights each real step by total / real steps
# (padding steps get 0) in the loss, and by 1 or 0 in the metrics.
x = padded_ids(24, 5, 10, shortest=2)
y = ((x == 3) | (x == 4)).astype(np.float32)[..., None]
xt = padded_ids(8, 5, 10, shortest=2)
yt = ((xt == 3) | (xt == 4)).astype(np.float32)[..., None]
run("masked_sequence_loss",
    [keras.layers.Embedding(10, 4, mask_zero=True), keras.layers.LSTM(3, return_sequences=True),
     keras.layers.Dense(1, activation="sigmoid")],
    (None, 5), dict(optimizer=keras.optimizers.Adam(0.02), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(10, 4, mask_zero) -> LSTM(3, return_sequences) -> Dense(1, sigmoid) per timestep; Adam(0.02); "
    "labels (N, 5, 1), padding steps masked out of the loss and the accuracy")

# (j) Binary labels of shape (N,) against a (N, 1) output, with GRU resetting before the product.
x, y = binary_ids(24, 5, 10, [6], shortest=5)
xt, yt = binary_ids(8, 5, 10, [6], shortest=5)
run("binary_labels_rank_one",
    [keras.layers.Embedding(10, 4), keras.layers.GRU(4, reset_after=False), keras.layers.Dense(1, activation="sigmoid")],
    (None, 5), dict(optimizer=keras.optimizers.Adam(0.02), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y.ravel(), xt, yt.ravel()), dict(batch_size=8, epochs=3),
    "Embedding(10, 4) -> GRU(4, reset_after=False) -> Dense(1, sigmoid); Adam(0.02); labels of shape (N,)")

# (k) Categorical crossentropy on one-hot labels with AdamW, validation_data and an evaluation of
# more than one batch (40 samples: 32 + 8).
def one_hot_data(count):
    x = rng.uniform(-1, 1, (count, 4)).astype(np.float32)
    return x, np.eye(3, dtype=np.float32)[np.argmax(x[:, 1:], axis=1)]
x, y = one_hot_data(24)
xv, yv = one_hot_data(40)
xt, yt = one_hot_data(40)
run("categorical_validation_data",
    [keras.layers.Dense(5, activation="relu"), keras.layers.Dense(3, activation="softmax")],
    (None, 4), dict(optimizer=keras.optimizers.AdamW(0.02), loss="categorical_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Dense(5, relu) -> Dense(3, softmax); AdamW(0.02); categorical_crossentropy, one-hot labels; validation_data of 40 samples",
    validation_data=(xv, yv))

# (l) EarlyStopping on val_accuracy that never runs out of patience still restores the best epoch's
# weights at the end; Adagrad with an ExponentialDecay schedule.
x = rng.uniform(-1, 1, (24, 3)).astype(np.float32)
y = (x[:, :1] * x[:, 1:2] > 0).astype(np.float32)
xt = rng.uniform(-1, 1, (8, 3)).astype(np.float32)
yt = (xt[:, :1] * xt[:, 1:2] > 0).astype(np.float32)
schedule = keras.optimizers.schedules.ExponentialDecay(0.5, decay_steps=2, decay_rate=0.5)
run("early_stopping_restores_at_the_end",
    [keras.layers.Dense(6, activation="tanh"), keras.layers.Dense(1, activation="sigmoid")],
    (None, 3), dict(optimizer=keras.optimizers.Adagrad(schedule), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=6, epochs=5, validation_split=0.25),
    "Dense(6, tanh) -> Dense(1, sigmoid); Adagrad(ExponentialDecay(0.5, 2, 0.5)); validation_split 0.25; "
    "EarlyStopping(val_accuracy, patience 10, restore_best_weights)",
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=10, restore_best_weights=True)])

# (m) Sequence tagging: a class per timestep of masked sequences from a Bidirectional GRU's sequence
# output, sparse categorical crossentropy and accuracy over the real steps only.
x = padded_ids(20, 6, 9, shortest=2)
y = (x % 3).astype(np.int32)
xt = padded_ids(8, 6, 9, shortest=2)
yt = (xt % 3).astype(np.int32)
run("masked_sequence_tagging",
    [keras.layers.Embedding(9, 4, mask_zero=True), keras.layers.Bidirectional(keras.layers.GRU(3, return_sequences=True)),
     keras.layers.Dense(3, activation="softmax")],
    (None, 6), dict(optimizer=keras.optimizers.Adam(0.03), loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(9, 4, mask_zero) -> Bidirectional(GRU(3, return_sequences)) -> Dense(3, softmax) per timestep; Adam(0.03); "
    "int labels (N, 6), padding steps masked out")

# (n) Word2vec's skip-gram as a functional model of two inputs: two embeddings, their dot product, a
# sigmoid (scored from its logits inside fit); clipvalue on the embeddings' sparse gradients.
target_input, context_input = keras.Input((), dtype="int32"), keras.Input((), dtype="int32")
dot = keras.layers.Dot(axes=-1)([keras.layers.Embedding(12, 5)(target_input), keras.layers.Embedding(12, 5)(context_input)])
skip_gram = keras.Model([target_input, context_input], keras.layers.Activation("sigmoid")(dot))
def pairs(count):
    target = rng.integers(0, 12, count).astype(np.int32)
    context = rng.integers(0, 12, count).astype(np.int32)
    return [target, context], (np.abs(target - context) <= 2).astype(np.float32).reshape(-1, 1)
x, y = pairs(40)
xt, yt = pairs(10)
run("skip_gram_clipvalue", skip_gram, None,
    dict(optimizer=keras.optimizers.Adam(0.05, clipvalue=0.02), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Functional: Embedding(12, 5) of the target and of the context, Dot(axes=-1), Activation(sigmoid); "
    "Adam(0.05, clipvalue 0.02)")

# (o) global_clipnorm across all the gradients of an embedding and an LSTM, with SGD.
x, y = binary_ids(24, 5, 10, [2, 9], shortest=3)
xt, yt = binary_ids(8, 5, 10, [2, 9], shortest=3)
run("sgd_global_clipnorm",
    [keras.layers.Embedding(10, 4, mask_zero=True), keras.layers.LSTM(4), keras.layers.Dense(1, activation="sigmoid")],
    (None, 5), dict(optimizer=keras.optimizers.SGD(2.0, global_clipnorm=0.02), loss="binary_crossentropy", metrics=["accuracy"]),
    (x, y, xt, yt), dict(batch_size=8, epochs=3),
    "Embedding(10, 4, mask_zero) -> LSTM(4) -> Dense(1, sigmoid); SGD(2.0, global_clipnorm 0.02)")

goldens = {"meta": {"keras_version": keras.__version__, "backend": keras.backend.backend(),
                    "made_by": "Tests/TensorsTests/Fixtures/make_fit_goldens.py", "seed": SEED,
                    "conventions": "weights U(-0.5, 0.5) set after build; fit(shuffle=False, verbose=0); evaluate(return_dict=True)"},
           "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras-fit-goldens.json")
with open(path, "w") as f:
    json.dump(goldens, f)
print(path)
for name, case in cases.items():
    print(name, case["epochs_run"], {k: [round(v, 4) for v in values] for k, values in case["history"].items()},
          case.get("early_stopping", ""))
