#!/usr/bin/env python3
"""Writes sentiment-keras.ipynb: lesson 3 (Notebooks/sentiment-rnn.md) in Python and Keras, the
same data, tokens, models, optimizer and epochs, for `Benchmarks/lessons.sh` to run side by side
with `folio run`. Run from this folder: python3 make_sentiment_keras.py"""
import nbformat

cells = [
    """import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import keras
import numpy as np
keras.utils.set_random_seed(2024)

def load_reviews(path):
    rows = [line.split("\\t") for line in open(path, encoding="utf-8").read().splitlines()[1:]]
    return [row[1] for row in rows], np.array([float(row[2]) for row in rows], dtype="float32")

train_texts, y_train = load_reviews("../../Notebooks/data/nsmc-mini/ratings_train.txt")
test_texts, y_test = load_reviews("../../Notebooks/data/nsmc-mini/ratings_test.txt")
print(len(train_texts), len(test_texts))""",
    """vectorize = keras.layers.TextVectorization(max_tokens=2000, split="character", output_sequence_length=60)
vectorize.adapt(train_texts)
x_train = vectorize(train_texts).numpy()
x_test = vectorize(test_texts).numpy()
print(len(vectorize.get_vocabulary()), x_train.shape)""",
    """def train_and_report(model, epochs=4):
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train[:, None], batch_size=64, epochs=epochs, validation_split=0.2, verbose=2,
                        callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True)])
    model.summary()
    return history

simple_rnn = keras.Sequential([keras.layers.Embedding(2000, 32, mask_zero=True), keras.layers.SimpleRNN(32),
                               keras.layers.Dense(1, activation="sigmoid")])
simple_history = train_and_report(simple_rnn)""",
    """lstm = keras.Sequential([keras.layers.Embedding(2000, 32, mask_zero=True), keras.layers.LSTM(32),
                         keras.layers.Dense(1, activation="sigmoid")])
lstm_history = train_and_report(lstm)""",
    """bidirectional = keras.Sequential([keras.layers.Embedding(2000, 32, mask_zero=True),
                                  keras.layers.Bidirectional(keras.layers.LSTM(32)),
                                  keras.layers.Dense(1, activation="sigmoid")])
bidirectional_history = train_and_report(bidirectional)""",
    """for name, model in [("SimpleRNN", simple_rnn), ("LSTM", lstm), ("Bidirectional(LSTM)", bidirectional)]:
    scores = model.evaluate(x_test, y_test[:, None], batch_size=256, verbose=0, return_dict=True)
    print(f"| {name} | {model.count_params()} | {scores['loss']:.4f} | {100 * scores['accuracy']:.2f} % |")""",
    """sentences = ["이 영화 정말 재밌어요 최고", "배우들 연기가 너무 좋았고 감동적이었다", "시간 아까운 최악의 영화", "스토리가 지루하고 재미없다"]
for sentence, p in zip(sentences, bidirectional.predict(vectorize(sentences), verbose=0)[:, 0]):
    print(f"{p:.3f}", "긍정" if p > 0.5 else "부정", "|", sentence)""",
]
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(notebook, "sentiment-keras.ipynb")
print("wrote sentiment-keras.ipynb")
