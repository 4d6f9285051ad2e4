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

A missing value is an empty cell, NA, N/A, n/a, NaN, nan, NULL, null, None, #N/A, ?, <NA> or -nan (as when
training). A category the training rows never had is all zeros, as Neurite encodes it. In a file separated by
semicolons a number may have a decimal comma ("1,5"): pass decimal_comma=True.
"""
import json
import os

import numpy as np

SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.json")
MISSING = {"", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "#N/A", "?", "<NA>", "-nan"}
_NUMBER_START = set("0123456789-+.iI")


def load_schema(path=SCHEMA_FILE):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _cell(row, column):
    name = column["name"]
    if name not in row:
        raise ValueError("the row has no column %r" % name)
    value = row[name]
    return "" if value is None else str(value).strip(" \t")


def parse_number(text, decimal_comma=False):
    """The number a cell holds as Neurite reads it (a decimal comma only with decimal_comma), or None."""
    text = text.strip(" \t")
    if not text or text[0] not in _NUMBER_START or "_" in text or text.startswith(("++", "+-")):
        return None
    try:
        return float(text)
    except ValueError:
        pass
    if decimal_comma and text.count(",") == 1 and "." not in text:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            pass
    return None


def _encode_numeric(value, column, decimal_comma):
    if value in MISSING:
        return [float(column["fill"])]
    number = parse_number(value, decimal_comma)
    if number is None:
        raise ValueError("column %r: %r is not a number" % (column["name"], value))
    if not np.isfinite(number):
        raise ValueError("column %r: %r is not a finite number" % (column["name"], value))
    return [number]


def _encode_category(value, column):
    categories = column["categories"]
    if value in MISSING:
        value = column["fill_category"]
    return [1.0 if value == c else 0.0 for c in categories]  # an unknown category: all zeros


def encode_row(row, schema=None, decimal_comma=False):
    """One row (a dict of column name -> text or number) -> the model's input, a list of floats."""
    schema = schema or load_schema()
    values = []
    for column in schema["columns"]:
        if column["role"] == "numeric":
            values += _encode_numeric(_cell(row, column), column, decimal_comma)
        elif column["role"] == "categorical":
            values += _encode_category(_cell(row, column), column)
    return values


def encode_rows(rows, schema=None, decimal_comma=False):
    """Rows (dicts) -> an (N, inputs) float32 array."""
    schema = schema or load_schema()
    values = [encode_row(row, schema, decimal_comma) for row in rows]
    return np.array(values, dtype=np.float32).reshape(len(rows), -1)


def decode(outputs, schema=None):
    """The model's predictions -> class names (classification) or the predicted values (regression)."""
    schema = schema or load_schema()
    outputs = np.asarray(outputs)
    if schema["task"] == "regression":
        return [float(v) for v in outputs.reshape(-1)]
    target = next(c for c in schema["columns"] if c["role"] == "target")
    return [target["categories"][int(i)] for i in outputs.argmax(axis=1)]
