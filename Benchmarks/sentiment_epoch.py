#!/usr/bin/env python3
"""One epoch of lesson 3's LSTM model (Embedding(2000, 32, mask) -> LSTM(32) -> Dense(1, sigmoid),
Adam(0.001), batch 64) on the 20,000 training reviews as syllable ids (Keras's TextVectorization,
which Tensors' matches id for id), side by side: Tensors (Benchmarks/Lessons/epoch-tensors.md run by
folio, the optimized engine), Keras `fit` (TensorFlow backend) and a PyTorch loop of the same model
(padding skipped with packed sequences, as the mask skips it). Three rounds each, a fresh model per
round, the compile and imports not counted.

Usage (from the repository, after `make build`):
    PYTHON_PEERS=/work/venv-peers/bin/python python3 Benchmarks/sentiment_epoch.py
"""
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tensors():
    # A copy, so the committed notebook keeps no timings; outside the sandbox, which would hide
    # Notebooks/data from a notebook in Benchmarks/.
    notebook = os.path.join(ROOT, "Benchmarks/Lessons/epoch-tensors.md")
    copy = os.path.join(ROOT, "Benchmarks/Lessons", ".epoch-run.md")
    with open(notebook, encoding="utf-8") as source, open(copy, "w", encoding="utf-8") as target:
        target.write(source.read())
    try:
        env = dict(os.environ, FOLIO_RUNTIME_DIR=os.path.join(ROOT, ".build/release"))
        subprocess.run([os.path.join(ROOT, ".build/debug/folio"), "run", "--no-cache", "--no-sandbox", copy], env=env,
                       check=True, capture_output=True)
        text = open(copy, encoding="utf-8").read()
    finally:
        os.remove(copy)
    return [float(seconds) for seconds in re.findall(r"tensors epoch \d: ([0-9.]+) s", text)]


def peers():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import keras
    rows = [line.split("\t") for line in open(os.path.join(ROOT, "Notebooks/data/nsmc-mini/ratings_train.txt"),
                                              encoding="utf-8").read().splitlines()[1:]]
    texts = [row[1] for row in rows]
    y = np.array([float(row[2]) for row in rows], dtype="float32")[:, None]
    vectorize = keras.layers.TextVectorization(max_tokens=2000, split="character", output_sequence_length=60)
    vectorize.adapt(texts)
    x = vectorize(texts).numpy()
    results = {}

    keras_times = []
    for _ in range(3):
        model = keras.Sequential([keras.Input((60,), dtype="int32"), keras.layers.Embedding(2000, 32, mask_zero=True),
                                  keras.layers.LSTM(32), keras.layers.Dense(1, activation="sigmoid")])
        model.compile(keras.optimizers.Adam(0.001), "binary_crossentropy", metrics=["accuracy"])
        start = time.perf_counter()
        model.fit(x, y, batch_size=64, epochs=1, verbose=0)
        keras_times.append(time.perf_counter() - start)
    results["Keras fit"] = keras_times

    try:
        import torch
    except ImportError:
        print("PyTorch skipped: not importable", file=sys.stderr)
        return results
    torch.set_num_threads(2)
    torch.manual_seed(1)

    class Sentiment(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(2000, 32, padding_idx=0)
            self.lstm = torch.nn.LSTM(32, 32, batch_first=True)
            self.dense = torch.nn.Linear(32, 1)

        def forward(self, ids, lengths):
            packed = torch.nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths, batch_first=True,
                                                             enforce_sorted=False)
            _, (h, _) = self.lstm(packed)
            return self.dense(h[-1])

    ids = torch.from_numpy(x.astype("int64"))
    lengths = (ids != 0).sum(dim=1).clamp(min=1)
    labels = torch.from_numpy(y)
    torch_times = []
    for _ in range(3):
        model = Sentiment()
        optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
        loss_function = torch.nn.BCEWithLogitsLoss()
        order = torch.randperm(len(ids))
        start = time.perf_counter()
        for begin in range(0, len(ids), 64):
            batch = order[begin:begin + 64]
            optimizer.zero_grad()
            loss = loss_function(model(ids[batch], lengths[batch]), labels[batch])
            loss.backward()
            optimizer.step()
        torch_times.append(time.perf_counter() - start)
    results["PyTorch loop"] = torch_times
    return results


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--peers":
        for name, times in peers().items():
            print(f"{name}: " + " ".join(f"{t:.2f}" for t in times))
        sys.exit(0)
    ours = tensors()
    print("Tensors fit: " + " ".join(f"{t:.2f}" for t in ours))
    python = os.environ.get("PYTHON_PEERS", "/work/venv-peers/bin/python")
    output = subprocess.run([python, __file__, "--peers"], capture_output=True, text=True, check=True).stdout
    print(output, end="")
    best = min(ours)
    for line in output.splitlines():
        name, times = line.split(": ")
        print(f"{name} / Tensors (best of 3 each): {min(float(t) for t in times.split()) / best:.2f}")
