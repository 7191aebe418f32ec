#!/usr/bin/env python3
"""Writes print_cases.json: arrays and the text numpy's str() gives for them.

Each case has a name, a shape, a dtype (float32 or int32), the values row-major
(floats as decimal strings that round-trip through float32, so nan/inf fit in JSON)
and `str`, numpy's str(np.array(values, dtype).reshape(shape)).
Run from this folder: python3 make_print_fixtures.py
"""
import json

import numpy as np

f32, i32 = np.float32, np.int32
rng = np.random.default_rng(20261125)
nan, inf = float("nan"), float("inf")

cases = []


def case(name, array):
    array = np.asarray(array)
    assert array.dtype in (f32, i32), name
    values = [str(float(v)) for v in array.ravel()] if array.dtype == f32 else [int(v) for v in array.ravel()]
    cases.append({"name": name, "shape": list(array.shape), "dtype": str(array.dtype),
                  "values": values, "str": str(array)})


# Scalars (0-d arrays print like numpy scalars).
for name, value in [("one and a half", 1.5), ("hundred", 100.0), ("zero", 0.0), ("negative zero", -0.0),
                    ("1e16", 1e16), ("small", 1.5e-5), ("1e-4 rounds below the cutoff", 1e-4),
                    ("large", 123456789.0), ("just below 1e6", 999999.9), ("1e6", 1e6), ("nan", nan),
                    ("negative infinity", -inf), ("one third", 1 / 3)]:
    case("float scalar " + name, np.array(value, dtype=f32))
case("int scalar", np.array(5, dtype=i32))
case("negative int scalar", np.array(-7, dtype=i32))

# 1-D floats.
for name, values in [("whole numbers", [1, 2, 3]), ("mixed fraction lengths", [1.5, 2]),
                     ("negative", [-1.5, 2, 3.25]), ("tenths", [0.1, 0.2, 0.3]), ("thirds", [1 / 3, 2 / 3, 1]),
                     ("ratio exactly 1e3", [0.001, 1.0]), ("ratio above 1e3", [0.001, 1.0001]),
                     ("tiny and one", [1e-5, 1]), ("huge and one", [1e7, 1]), ("only tiny", [1e-10]),
                     ("signed zeros", [-0.0, 0.0]), ("nan and one", [nan, 1]), ("non-finite only", [inf, -inf, nan]),
                     ("nan only", [nan]), ("fraction nan infinity", [1.5, nan, -inf]), ("1e-4 alone", [1e-4]),
                     ("ratio rounds above 1e3", [0.1, 100.0001]), ("large positional", [123456.7, 0.5]),
                     ("1e6 switches to scientific", [1e6, 1]), ("just below 1e6", [999999.0, 1]),
                     ("tiny and huge", [1e-20, 1e20]), ("float32 max", [3.4028235e38]),
                     ("smallest subnormal", [1.4e-45, 1]), ("close tiny values", [1e-8, 2e-8]),
                     ("negative scientific", [-1e-5, 2.5e-3, 1]), ("rounding at 8 digits", [0.123456789, 1.987654321]),
                     ("carry when rounding", [0.999999999, 9.99999999]), ("single element", [42.0]),
                     ("scientific with infinity", [1e-7, -inf, 3])]:
    case("float vector " + name, np.array(values, dtype=f32))

# Floats that are whole numbers, in 2-D.
case("float matrix whole numbers", np.array([[1, 2], [3, 4]], dtype=f32))
case("float matrix hundreds", np.array([[100, 2000], [-3, 40]], dtype=f32))

# Integers.
case("int row", np.array([[3, 57, 35]], dtype=i32))
case("int ids", np.array([[2, 3, 0, 1, 4]], dtype=i32))
case("int negatives", np.array([[-1, 20, -300], [4, -5, 6]], dtype=i32))
case("int extremes", np.array([2147483647, -2147483648, 0], dtype=i32))
case("int cube", np.arange(24, dtype=i32).reshape(2, 3, 4))
case("int 4-D", np.arange(-12, 12, dtype=i32).reshape(2, 2, 3, 2))
case("int long row wraps", np.arange(100, dtype=i32))
case("int wide matrix wraps", np.arange(60, dtype=i32).reshape(2, 30) * 1000)

# Ranks 2 to 4, floats.
case("float cube", (np.arange(24, dtype=f32) / 4).reshape(2, 3, 4))
case("float 4-D", (np.arange(-24, 24, dtype=f32) / 8).reshape(2, 2, 3, 4))
case("float 4-D scientific", (np.arange(1, 17, dtype=f32) * 1e5).reshape(2, 2, 2, 2))
case("float long row wraps", np.arange(40, dtype=f32) / 7)
case("float wide matrix wraps", (np.arange(60, dtype=f32) / 3).reshape(3, 20))
case("float wide cube wraps", (np.arange(60, dtype=f32) * 1.25 - 30).reshape(2, 2, 15))

# Summarised (more than 1000 elements).
case("int vector summarised", np.arange(1001, dtype=i32))
case("int matrix summarised", np.arange(2000, dtype=i32).reshape(40, 50) - 1000)
case("int 3-D summarised", np.arange(1200, dtype=i32).reshape(2, 3, 200))
case("float vector summarised", np.arange(2000, dtype=f32) / 3)
case("float matrix summarised", (np.arange(2000, dtype=f32) / 7).reshape(40, 50))
case("float 3-D summarised", (np.arange(2000, dtype=f32) / 9).reshape(10, 10, 20))
case("float tall column summarised", np.arange(1001, dtype=f32).reshape(1001, 1))
case("float summarised scientific", (np.arange(1, 1201, dtype=f32) * 1e3).reshape(4, 300))
case("float 4-D summarised", (np.arange(1296, dtype=f32) / 5).reshape(6, 6, 6, 6))
case("float summary edge only short axes", (np.arange(1008, dtype=f32) / 2).reshape(2, 504))

# Empty arrays.
case("empty float vector", np.zeros((0,), dtype=f32))
case("empty float matrix", np.zeros((2, 0), dtype=f32))
case("empty int matrix", np.zeros((0, 3), dtype=i32))

# Seeded random values like the engine prints (weights, activations, embeddings).
case("random normal matrix", rng.standard_normal((4, 5)).astype(f32))
case("random normal cube", rng.standard_normal((2, 3, 4)).astype(f32))
case("random uniform embedding weights", rng.uniform(-0.05, 0.05, (5, 100)).astype(f32))
case("random uniform embedding output", rng.uniform(-0.05, 0.05, (1, 3, 100)).astype(f32))
case("random uniform unit square", rng.uniform(0, 1, (30, 30)).astype(f32))
case("random glorot kernel", rng.uniform(-0.3, 0.3, (8, 12)).astype(f32))
case("random normal summarised", rng.standard_normal((100, 100)).astype(f32))
case("random tanh outputs", np.tanh(rng.standard_normal((2, 5, 8))).astype(f32))
case("random mixed magnitudes", (rng.standard_normal(12) * 10.0 ** rng.integers(-6, 6, 12)).astype(f32))
case("random small positional", rng.uniform(0.0001, 0.1, 50).astype(f32))
for power in range(-6, 7, 2):
    case(f"random normal times 1e{power}", (rng.standard_normal((3, 4)) * 10.0 ** power).astype(f32))
case("random just above 1e-4", rng.uniform(1e-4, 1e-3, (2, 5)).astype(f32))
case("random hundreds wrap", (rng.standard_normal((3, 12)) * 100).astype(f32))
case("random ints summarised", rng.integers(-5000, 5000, (7, 150)).astype(i32))
case("random floats short first axis summarised", rng.standard_normal((3, 400)).astype(f32))

with open("print_cases.json", "w") as out:
    # One case per line keeps the file small and its diffs readable.
    out.write('{"numpy": "%s", "cases": [\n' % np.__version__)
    out.write(",\n".join(json.dumps(c) for c in cases))
    out.write("\n]}\n")
print(f"{len(cases)} cases")
