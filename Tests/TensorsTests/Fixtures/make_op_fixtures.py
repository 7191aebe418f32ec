#!/usr/bin/env python3
"""Writes op_cases.json: engine operations on seeded random float32 inputs and numpy's results.

Each case has a name, an op (the engine operation to run), its inputs (shape, dtype, values
row-major), integer arguments (axes, permutation) and the expected output (shape, values).
Run from this folder: python3 make_op_fixtures.py
"""
import json

import numpy as np

rng = np.random.default_rng(7)
f32, i32 = np.float32, np.int32
cases = []


def encode(array):
    array = np.asarray(array)
    values = [int(v) for v in array.ravel()] if array.dtype == i32 else [float(v) for v in array.ravel()]
    return {"shape": list(array.shape), "dtype": str(array.dtype), "values": values}


def case(name, op, inputs, expected, **args):
    cases.append({"name": name, "op": op, "inputs": [encode(x) for x in inputs], "args": args,
                  "expected": encode(expected)})


def normal(*shape):
    return rng.standard_normal(shape).astype(f32)


a, b = normal(3, 5), normal(5, 4)
case("matmul matrices", "matmul", [a, b], a @ b)
a3 = normal(2, 3, 5)
case("matmul sequence batch by matrix", "matmul", [a3, b], a3 @ b)
b3 = normal(2, 5, 4)
case("matmul batch by batch", "matmul", [a3, b3], a3 @ b3)

x = normal(2, 3, 4)
case("transpose moves last axis first", "transpose", [x], np.transpose(x, (2, 0, 1)), permutation=[2, 0, 1])
case("transpose reverses axes", "transpose", [x], x.T, permutation=[2, 1, 0])
case("reverse middle axis", "reverse", [x], x[:, ::-1, :], axis=1)
case("reverse last axis", "reverse", [x], x[..., ::-1], axis=-1)
y = normal(2, 2, 4)
case("concatenate middle axis", "concatenate", [x, y], np.concatenate([x, y], axis=1), axis=1)

table = normal(5, 3)
ids = rng.integers(0, 5, (2, 4)).astype(i32)
case("gather rows", "gather", [table, ids], np.take(table, ids, axis=0), axis=0)
columns = rng.integers(0, 3, (4,)).astype(i32)
case("gather columns", "gather", [table, columns], np.take(table, columns, axis=1), axis=1)

p, q = normal(4, 1, 3), normal(5, 1)
case("add broadcasts both operands", "add", [p, q], p + q)
case("subtract broadcasts", "subtract", [p, q], p - q)
row = normal(4)
case("multiply broadcasts row", "multiply", [x, row], x * row)
d = rng.uniform(0.5, 2, (3, 1)).astype(f32)
case("divide broadcasts column", "divide", [table[:3], d], table[:3] / d)

s = normal(3, 4, 5)
case("sum of first and last axes", "sum", [s], s.sum(axis=(0, 2), dtype=np.float64).astype(f32), axes=[0, 2])
case("sum of middle axis", "sum", [s], s.sum(axis=1, dtype=np.float64).astype(f32), axes=[1])
case("mean of last axis", "mean", [s], s.mean(axis=-1, dtype=np.float64).astype(f32), axes=[-1])
case("max of first axis", "max", [s], s.max(axis=0), axes=[0])
case("argmax of last axis", "argmax", [s], np.argmax(s, axis=-1).astype(i32), axis=-1)

logits = normal(3, 7) * 3
e = np.exp(logits - logits.max(axis=-1, keepdims=True))
case("softmax last axis", "softmax", [logits], e / e.sum(axis=-1, keepdims=True), axis=-1)
e0 = np.exp(logits - logits.max(axis=0, keepdims=True))
case("softmax first axis", "softmax", [logits], e0 / e0.sum(axis=0, keepdims=True), axis=0)

with open("op_cases.json", "w") as out:
    # One case per line keeps the file small and its diffs readable.
    out.write('{"numpy": "%s", "cases": [\n' % np.__version__)
    out.write(",\n".join(json.dumps(c) for c in cases))
    out.write("\n]}\n")
print(f"{len(cases)} cases")
