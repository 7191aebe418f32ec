#!/usr/bin/env python3
"""Writes python-weights.safetensors with the safetensors package (what PyTorch and Keras users
write), for the engine's reader. Run from this folder: python3 make_safetensors_fixture.py"""
import numpy as np
from safetensors.numpy import save_file

save_file({"dense/kernel": np.arange(6, dtype=np.float32).reshape(2, 3) / 4,
           "dense/bias": np.array([-1.5, 0, 2.25], dtype=np.float32),
           "ids": np.array([[1, -2], [3, 2147483647]], dtype=np.int32)},
          "python-weights.safetensors", metadata={"written_by": "safetensors"})
