"""The reference encoder of the table this model was trained on: raw rows -> the model's input.

schema.json (beside this file) lists every column of the training table with its role:
  numeric      the number as it is; a missing value becomes "fill" (the training median)
  categorical  one value per category, 1 for the row's category and 0 for the others (one-hot);
               a missing value becomes "fill_category" (the most frequent training category)
  ignored      not used
  target       what the model predicts: its "categories" are the class names (classification)

The model standardises the numbers itself, so this is all the preprocessing there is:

    import csv, encoder, model
    rows = list(csv.DictReader(open("rows.csv", newline="", encoding="utf-8-sig")))
    x = encoder.encode_rows(rows)            # (N, inputs) float32
    y = model.load().predict(torch.from_numpy(x))
    print(encoder.decode(y))                 # class names, or the predicted values

A missing value is an empty cell, NA, NaN or ? (as when training).
"""
import json
import os

import numpy as np

SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.json")
MISSING = {"", "NA", "NaN", "?"}


def load_schema(path=SCHEMA_FILE):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _cell(row, column):
    name = column["name"]
    if name not in row:
        raise ValueError("the row has no column %r" % name)
    value = row[name]
    return "" if value is None else str(value).strip()


def _encode_numeric(value, column):
    if value in MISSING:
        return [float(column["fill"])]
    try:
        number = float(value)
    except ValueError:
        raise ValueError("column %r: %r is not a number" % (column["name"], value)) from None
    if not np.isfinite(number):
        raise ValueError("column %r: %r is not a finite number" % (column["name"], value))
    return [number]


def _encode_category(value, column):
    categories = column["categories"]
    if value in MISSING:
        value = column["fill_category"]
    if value not in categories:
        raise ValueError("column %r: %r is not one of the training categories %s"
                         % (column["name"], value, categories))
    return [1.0 if value == c else 0.0 for c in categories]


def encode_row(row, schema=None):
    """One row (a dict of column name -> text or number) -> the model's input, a list of floats."""
    schema = schema or load_schema()
    values = []
    for column in schema["columns"]:
        if column["role"] == "numeric":
            values += _encode_numeric(_cell(row, column), column)
        elif column["role"] == "categorical":
            values += _encode_category(_cell(row, column), column)
    return values


def encode_rows(rows, schema=None):
    """Rows (dicts) -> an (N, inputs) float32 array."""
    schema = schema or load_schema()
    return np.array([encode_row(row, schema) for row in rows], dtype=np.float32).reshape(len(rows), -1)


def decode(outputs, schema=None):
    """The model's predictions -> class names (classification) or the predicted values (regression)."""
    schema = schema or load_schema()
    outputs = np.asarray(outputs)
    if schema["task"] == "regression":
        return [float(v) for v in outputs.reshape(-1)]
    target = next(c for c in schema["columns"] if c["role"] == "target")
    return [target["categories"][int(i)] for i in outputs.argmax(axis=1)]
