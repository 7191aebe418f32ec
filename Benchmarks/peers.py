#!/usr/bin/env python3
"""Runs the TensorsBenchmarks configurations in the Python peers and prints them beside Tensors.

Peers: TensorFlow (Keras 3 layers inside `tf.function`; the training step is Keras's
`train_on_batch`), PyTorch (`torch.set_num_threads(2)`, `inference_mode` for forward passes; the
training step with `torch.optim.Adam`) and numpy (sgemm only). A peer that is not importable is skipped and named.
Tensors' numbers come from `swift run -c release TensorsBenchmarks --json` (run from the
package root) before and after the peers, keeping the better median, or from a file given
with --swift-json. Ratios are peer time / Tensors time:
above 1 means Tensors is faster. The header gives the load average before and after, the
OpenBLAS kernel set, and the machine's fp32 peak measured by Benchmarks/peak_fp32.c, against
which the sgemm rows are given as a percentage.

    python3 -m venv /work/venv-peers
    /work/venv-peers/bin/pip install tensorflow-cpu /opt/wheels/torch-*cpu*.whl
    /work/venv-peers/bin/python Benchmarks/peers.py [--swift-json FILE] [--skip-swift] [--only CASE...] [--peers PEER...]
"""
import argparse
import ctypes
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RNN_INPUT = (32, 100, 100)
IDS_SHAPE = (256, 100)
NAMES = {
    "lstm": "LSTM(256) on (32, 100, 100)",
    "gru": "GRU(256) on (32, 100, 100)",
    "simple_rnn": "SimpleRNN(256) on (32, 100, 100)",
    "embedding": "Embedding(10000, 128) on (256, 100)",
    "sgemm1024": "sgemm 1024x1024x1024",
    "sgemm2048": "sgemm 2048x2048x2048",
    "seed": "seed notebook layers, built and called",
    "lstm_train": "LSTM(256) forward+backward on (32, 100, 100)",
    "gru_train": "GRU(256) forward+backward on (32, 100, 100)",
    "simple_rnn_train": "SimpleRNN(256) forward+backward on (32, 100, 100)",
    "train_step": "training step Embedding-LSTM(64)-Dense",
}
REPETITIONS = {"embedding": 51, "sgemm2048": 7, "lstm_train": 11, "gru_train": 11, "simple_rnn_train": 11, "train_step": 51}
# The training step: Embedding(10000, 64) -> LSTM(64) -> Dense(1, sigmoid) on (32, 100) ids,
# binary crossentropy, Adam(0.001); the recurrent layers forward and backward (weights and input).
TRAIN_IDS = (32, 100)
SGEMM_SIZES = {"sgemm1024": 1024, "sgemm2048": 2048}


def recurrent_flops(gates, passes):
    """Multiply-adds of a recurrent layer on RNN_INPUT with 256 units, 2 flops each; backward is 2 passes."""
    batch, timesteps, features = RNN_INPUT
    return passes * 2 * batch * timesteps * gates * 256 * (features + 256)


# Flops per run, for the '% peak' column: sgemm, the forward passes, forward + backward (3 passes).
FLOPS = {**{key: 2 * n ** 3 for key, n in SGEMM_SIZES.items()},
         "lstm": recurrent_flops(4, 1), "gru": recurrent_flops(3, 1), "simple_rnn": recurrent_flops(1, 1),
         "lstm_train": recurrent_flops(4, 3), "gru_train": recurrent_flops(3, 3), "simple_rnn_train": recurrent_flops(1, 3)}


def median_ms(run, repetitions):
    run()  # warm-up: tracing, allocation, thread start
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def numpy_cases(np):
    cases = {}
    for n in (1024, 2048):
        a = np.random.standard_normal((n, n)).astype(np.float32)
        b = np.random.standard_normal((n, n)).astype(np.float32)
        cases[f"sgemm{n}"] = lambda a=a, b=b: a @ b
    return cases


def tensorflow_cases():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy as np
    import tensorflow as tf
    import keras

    x = tf.constant(np.random.standard_normal(RNN_INPUT).astype(np.float32))
    ids = tf.constant(np.random.randint(0, 10000, IDS_SHAPE).astype(np.int32))
    cases = {}
    for key, layer in (("lstm", keras.layers.LSTM(256)), ("gru", keras.layers.GRU(256)),
                       ("simple_rnn", keras.layers.SimpleRNN(256))):
        fn = tf.function(lambda v, layer=layer: layer(v))
        cases[key] = lambda fn=fn: fn(x).numpy()
    embedding = keras.layers.Embedding(10000, 128)
    embed = tf.function(lambda v: embedding(v))
    cases["embedding"] = lambda: embed(ids).numpy()
    for n in (1024, 2048):
        a = tf.constant(np.random.standard_normal((n, n)).astype(np.float32))
        b = tf.constant(np.random.standard_normal((n, n)).astype(np.float32))
        mm = tf.function(lambda p, q: tf.linalg.matmul(p, q))
        cases[f"sgemm{n}"] = lambda mm=mm, a=a, b=b: mm(a, b).numpy()
    upstream = tf.constant(np.random.uniform(-1, 1, (32, 256)).astype(np.float32))
    for key, layer in (("lstm_train", keras.layers.LSTM(256)), ("gru_train", keras.layers.GRU(256)),
                       ("simple_rnn_train", keras.layers.SimpleRNN(256))):
        layer.build(RNN_INPUT)

        @tf.function
        def step(v, layer=layer):
            with tf.GradientTape() as tape:
                tape.watch(v)
                loss = tf.reduce_sum(layer(v) * upstream)
            return tape.gradient(loss, layer.trainable_weights + [v])
        cases[key] = lambda step=step: [g.numpy() for g in step(x)]
    model = keras.Sequential([keras.Input((TRAIN_IDS[1],), dtype="int32"), keras.layers.Embedding(10000, 64),
                              keras.layers.LSTM(64), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="binary_crossentropy")
    train_ids = np.random.randint(0, 10000, TRAIN_IDS).astype(np.int32)
    labels = (np.arange(TRAIN_IDS[0]) % 2).astype(np.float32).reshape(-1, 1)
    cases["train_step"] = lambda: model.train_on_batch(train_ids, labels)
    return cases


def torch_cases():
    import torch

    torch.set_num_threads(2)
    x = torch.randn(*RNN_INPUT)
    ids = torch.randint(0, 10000, IDS_SHAPE)
    cases = {}
    for key, module in (("lstm", torch.nn.LSTM(100, 256, batch_first=True)),
                        ("gru", torch.nn.GRU(100, 256, batch_first=True)),
                        ("simple_rnn", torch.nn.RNN(100, 256, batch_first=True))):
        def run(module=module):
            with torch.inference_mode():
                module(x)
        cases[key] = run
    embedding = torch.nn.Embedding(10000, 128)

    def embed():
        with torch.inference_mode():
            embedding(ids)
    cases["embedding"] = embed
    for n in (1024, 2048):
        a, b = torch.randn(n, n), torch.randn(n, n)
        cases[f"sgemm{n}"] = lambda a=a, b=b: torch.mm(a, b)
    upstream = torch.rand(32, 256) * 2 - 1
    for key, module in (("lstm_train", torch.nn.LSTM(100, 256, batch_first=True)),
                        ("gru_train", torch.nn.GRU(100, 256, batch_first=True)),
                        ("simple_rnn_train", torch.nn.RNN(100, 256, batch_first=True))):
        def train(module=module):
            v = x.clone().requires_grad_()
            module.zero_grad()
            output, _ = module(v)
            (output[:, -1] * upstream).sum().backward()
        cases[key] = train

    class Sentiment(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(10000, 64)
            self.lstm = torch.nn.LSTM(64, 64, batch_first=True)
            self.dense = torch.nn.Linear(64, 1)

        def forward(self, ids):
            output, _ = self.lstm(self.embedding(ids))
            return self.dense(output[:, -1])

    model = Sentiment()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_function = torch.nn.BCEWithLogitsLoss()
    train_ids = torch.randint(0, 10000, TRAIN_IDS)
    labels = (torch.arange(TRAIN_IDS[0]) % 2).float().reshape(-1, 1)

    def train_step():
        optimizer.zero_grad()
        loss_function(model(train_ids), labels).backward()
        optimizer.step()
    cases["train_step"] = train_step
    return cases


def run_peer(name, make_cases, keys):
    try:
        cases = make_cases()
    except ImportError as error:
        print(f"# {name}: skipped (not installed: {error.name})", file=sys.stderr)
        return None
    return {key: median_ms(run, REPETITIONS.get(key, 21)) for key, run in cases.items() if key in keys}


def swift_results(args):
    if args.skip_swift:
        return {}
    if args.swift_json:
        with open(args.swift_json) as f:
            measurements = json.load(f)
    else:
        filters = [NAMES[key] for key in args.only] if args.only else []
        output = subprocess.run(["swift", "run", "-c", "release", "TensorsBenchmarks", "--json"] + filters,
                                cwd=ROOT, check=True, capture_output=True, text=True).stdout
        # Build progress lines may precede the JSON, which starts with a line holding only "[".
        lines = output.splitlines()
        measurements = json.loads("\n".join(lines[lines.index("["):]))
    by_name = {m["name"]: m["medianMilliseconds"] for m in measurements}
    return {key: by_name.get(name) for key, name in NAMES.items()}


def machine_peak():
    """The fp32 peak of all cores in GFLOP/s from Benchmarks/peak_fp32.c, or None without a C compiler."""
    with tempfile.TemporaryDirectory() as directory:
        binary = os.path.join(directory, "peak_fp32")
        try:
            subprocess.run(["cc", "-O2", "-pthread", os.path.join(ROOT, "Benchmarks", "peak_fp32.c"), "-o", binary],
                           check=True, capture_output=True)
            return json.loads(subprocess.run([binary], check=True, capture_output=True, text=True).stdout)
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"# fp32 peak: not measured ({error})", file=sys.stderr)
            return None


def openblas_kernels():
    """The kernel set the system OpenBLAS (the one Tensors links) picked for this CPU."""
    try:
        library = ctypes.CDLL("libopenblas.so.0")
    except OSError:
        return "unknown"
    library.openblas_get_corename.restype = ctypes.c_char_p
    return library.openblas_get_corename().decode()


def load_average():
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--swift-json", help="TensorsBenchmarks --json output to compare with")
    parser.add_argument("--skip-swift", action="store_true", help="only run the peers")
    parser.add_argument("--only", nargs="+", choices=list(NAMES), metavar="CASE",
                        help=f"run only these cases ({', '.join(NAMES)})")
    parser.add_argument("--peers", nargs="+", choices=["TensorFlow", "PyTorch", "numpy"], metavar="PEER",
                        help="run only these peers (TensorFlow, PyTorch, numpy), each then alone in this process")
    args = parser.parse_args()
    keys = args.only or list(NAMES)

    load_before = load_average()
    peak = machine_peak()
    before = swift_results(args)
    columns = {}
    import numpy
    for name, make in (("TensorFlow", tensorflow_cases), ("PyTorch", torch_cases),
                       ("numpy", lambda: numpy_cases(numpy))):
        if args.peers and name not in args.peers:
            continue
        results = run_peer(name, make, keys)
        if results is not None:
            columns[name] = results
    # Tensors runs before and after the peers; the better median of the two offsets load that
    # changes while the peers run (other jobs on a shared machine).
    after = swift_results(args) if not args.swift_json else before
    columns = {"Tensors": {key: min(filter(None, (before.get(key), after.get(key))), default=None)
                           for key in keys}, **columns}
    peers = [name for name in columns if name != "Tensors"]

    core = os.environ.get("OPENBLAS_CORETYPE", "unset")
    peak_text = f"{peak['gflops']:.0f} GFLOP/s ({peak['cores']} cores, {peak['vector']} FMA)" if peak else "not measured"
    print(f"median ms; OpenBLAS {openblas_kernels()} kernels (OPENBLAS_CORETYPE={core}); fp32 peak {peak_text}")
    print(f"load average (1/5/15 min) {load_before} before, {load_average()} after")
    print("ratio = peer / Tensors, above 1 means Tensors is faster; '% peak' is Tensors' rate (sgemm, recurrent layers)")
    header = f"{'benchmark':38}{'Tensors':>10}" + "".join(f"{p:>12}{'ratio':>7}" for p in peers) + f"{'% peak':>8}"
    print(header)
    for key in keys:
        name = NAMES[key]
        ours = columns["Tensors"].get(key)
        row = f"{name:38}" + (f"{ours:10.3f}" if ours else f"{'-':>10}")
        for peer in peers:
            theirs = columns[peer].get(key)
            row += f"{theirs:12.3f}" if theirs else f"{'-':>12}"
            row += f"{theirs / ours:7.2f}" if theirs and ours else f"{'':>7}"
        if key in FLOPS and ours and peak:
            gflops = FLOPS[key] / (ours * 1e6)
            row += f"{100 * gflops / peak['gflops']:7.0f}%"
        print(row)


if __name__ == "__main__":
    main()
