#!/usr/bin/env python3
"""Writes keras-text.json: Keras 3.15.1's TextVectorization and pad_sequences on Korean movie
reviews and on texts built to hit the edge cases (ASCII-only lowercasing, punctuation inside and
around words, non-ASCII punctuation, whitespace runs, frequency ties, empty texts).

Needs tensorflow-cpu 2.21 and keras 3.15.1. Run from this folder:
    python3 make_text_goldens.py ../../../Notebooks/data/nsmc-mini/ratings_train.txt
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402

reviews = [line.split("\t")[1] for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:401]]
edge_texts = [
    "Hello, World!  ÉCOLE école… naïve Ünïcode",
    "well-known  state-of-the-art\tTABS\nnewlines\r\nand\x0bvertical\x0cfeed",
    "'quoted' \"double\" (paren) [bracket] {brace} a_b c/d e.f g:h",
    "",
    "   ",
    "ㅋㅋㅋ ㅠㅠ 영화 영화가 영화를 영화 !!! ??? ... ~~",
    "z Z zz b B a A abc ABC 가 나 다 가 나",
    "emoji 🎬🍿 and\u00a0non-breaking\u2003em-space 　 ideographic",
]
texts = reviews + edge_texts
queries = edge_texts + reviews[:20] + ["never seen tokens 완전히새로운말", "영화 영화 영화 영화 영화 영화 영화 영화 영화 영화 영화 영화"]

cases = []
for name, kwargs in [
    ("default", {}),
    ("max_tokens_50_length_12", {"max_tokens": 50, "output_sequence_length": 12}),
    ("lower_only", {"standardize": "lower", "max_tokens": 200}),
    ("strip_only", {"standardize": "strip_punctuation", "max_tokens": 200}),
    ("no_standardize", {"standardize": None, "max_tokens": 200, "output_sequence_length": 5}),
    ("character_split", {"split": "character", "max_tokens": 300, "output_sequence_length": 30}),
]:
    layer = keras.layers.TextVectorization(**kwargs)
    layer.adapt(texts)
    cases.append({
        "name": name,
        "config": kwargs,
        "standardize": kwargs.get("standardize", "lower_and_strip_punctuation") or "none",
        "vocabulary": [str(t) for t in layer.get_vocabulary()],
        "queries": queries,
        "ids": [[int(v) for v in row] for row in layer(queries).numpy()],
    })

sequences = [[1], [2, 3], [4, 5, 6], [], [7, 8, 9, 10, 11]]
pads = []
for kwargs in [{}, {"maxlen": 3}, {"padding": "post"}, {"truncating": "post", "maxlen": 2},
               {"padding": "post", "truncating": "post", "maxlen": 4, "value": -1}]:
    pads.append({"config": kwargs, "ids": keras.utils.pad_sequences(sequences, **kwargs).tolist()})

json.dump({"meta": {"keras": keras.__version__, "adapt_texts": texts},
           "text_vectorization": cases, "pad_sequences": {"sequences": sequences, "cases": pads}},
          open("keras-text.json", "w"), ensure_ascii=False, indent=None)
print("wrote keras-text.json")
