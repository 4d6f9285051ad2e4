#!/usr/bin/python3
"""PyTorch side of tests/bench/compare_torch_workloads.sh: trains (or evaluates) the design a Neurite project
holds, layer for layer (Conv2D with its padding, MaxPool2D, Flatten, Dense with its activation, Dropout; the
last Dense's softmax is folded into the cross-entropy loss, as Neurite does), with Adam at lr 1e-3, on the
same data: an image folder (the PNGs decoded into one float32 tensor before timing) or a CSV table (numeric
features standardised, the last column the class).

At its best, as torch_mlp.py: data in memory, a manual shuffled-index batch loop, no DataLoader; timed are
the training loop of each epoch (the first is the warm-up) or, with --eval, the forward passes over the test
samples in torch.no_grad() (median of --repeats passes after one warm-up pass).

Usage: torch_workloads.py --project P.neurite (--images DIR | --table CSV) [--train-count N] [--epochs E]
       [--batch B] [--eval N] [--threads T] [--json FILE]
"""
import argparse
import glob
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn

from torch_mlp import loaded_blas


def read_design(project):
    # A .neurite file: "NEURITE\0", u32 version, u32 header length, then the JSON header (ProjectFile.cpp).
    with open(project, "rb") as f:
        head = f.read(16)
        length = struct.unpack("<I", head[12:16])[0]
        return json.loads(f.read(length))["design"]


def chain(design):
    # The layers in the order the connections visit them (the workloads' designs are chains).
    layers = {layer["id"]: layer for layer in design["layers"]}
    following = {c["from"]: c["to"] for c in design["connections"]}
    current = next(l["id"] for l in design["layers"] if l["type"] == "Input")
    order = []
    while current in layers:
        order.append(layers[current])
        current = following.get(current)
    return order


ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


def build(design):
    modules, shape = [], None
    for layer in chain(design):
        o, kind = layer["options"], layer["type"]
        if kind == "Input":
            shape = (int(o["channels"]), int(o["height"]), int(o["width"]))
            if shape[1] == 1 and shape[2] == 1:
                shape = (shape[0],)
            else:
                modules.append(nn.Unflatten(1, shape))
        elif kind == "Conv2D":
            k = int(o["kernel"])
            padding = k // 2 if o.get("padding") == "same" else int(o.get("pad", 0))
            conv = nn.Conv2d(shape[0], int(o["filters"]), k, stride=int(o["stride"]), padding=padding)
            modules.append(conv)
            side = lambda s: (s + 2 * padding - k) // int(o["stride"]) + 1
            shape = (int(o["filters"]), side(shape[1]), side(shape[2]))
        elif kind == "MaxPool2D":
            size = int(o["size"])
            stride = int(o.get("stride", 0)) or size
            modules.append(nn.MaxPool2d(size, stride))
            shape = (shape[0], (shape[1] - size) // stride + 1, (shape[2] - size) // stride + 1)
            continue
        elif kind == "Flatten":
            modules.append(nn.Flatten())
            shape = (int(np.prod(shape)),)
            continue
        elif kind == "Dense":
            if len(shape) > 1:
                modules.append(nn.Flatten())
            modules.append(nn.Linear(int(np.prod(shape)), int(o["units"])))
            shape = (int(o["units"]),)
        elif kind == "Dropout":
            modules.append(nn.Dropout(float(o["rate"])))
            continue
        elif kind == "Output":
            continue
        else:
            raise SystemExit(f"torch_workloads.py: no PyTorch counterpart for a {kind} layer")
        activation = o.get("activation", "linear")
        if activation in ACTIVATIONS:
            modules.append(ACTIVATIONS[activation]())
    return nn.Sequential(*modules)


def load_images(folder):
    import cv2
    paths = sorted(glob.glob(os.path.join(folder, "*", "*.png")))
    classes = sorted({os.path.basename(os.path.dirname(p)) for p in paths})
    x = np.stack([cv2.cvtColor(cv2.imread(p), cv2.COLOR_BGR2RGB).transpose(2, 0, 1) for p in paths])
    y = np.array([classes.index(os.path.basename(os.path.dirname(p))) for p in paths])
    return x.reshape(len(paths), -1).astype(np.float32) / 255.0, y


def load_table(path):
    import pandas as pd
    frame = pd.read_csv(path)
    x = frame.iloc[:, :-1].to_numpy(np.float32)
    x = (x - x.mean(0)) / np.maximum(x.std(0), 1e-6)
    return x, pd.factorize(frame.iloc[:, -1], sort=True)[0]


def train(model, x, y, epochs, batch):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    n, rates = x.shape[0], []
    model.train()
    for _ in range(epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        total = torch.zeros((), dtype=torch.float64)
        for s in range(0, n, batch):
            idx = perm[s:s + batch]
            loss = loss_fn(model(x.index_select(0, idx)), y.index_select(0, idx))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.detach() * idx.numel()
        float(total)  # the epoch's loss: a sync point inside the timed region
        rates.append(n / (time.perf_counter() - t0))
    return rates


def evaluate(model, x, batch, repeats):
    model.eval()
    times = []
    with torch.no_grad():
        for r in range(repeats + 1):
            t0 = time.perf_counter()
            correct = 0
            for s in range(0, x.shape[0], batch):
                correct += int(model(x[s:s + batch]).argmax(1).sum())
            times.append(time.perf_counter() - t0)
    return [x.shape[0] / t for t in times[1:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True)
    ap.add_argument("--images")
    ap.add_argument("--table")
    ap.add_argument("--train-count", type=int, default=0, help="train on the first N (shuffled) samples")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--eval", type=int, default=0, metavar="N", help="time evaluating N samples instead")
    ap.add_argument("--eval-batch", type=int, default=256, help="samples a forward pass (256: PyTorch's best here)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--name", default="workload")
    ap.add_argument("--json")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x, y = load_images(a.images) if a.images else load_table(a.table)
    order = np.random.default_rng(0).permutation(len(y))
    count = a.eval or a.train_count or len(y)
    x = torch.from_numpy(np.ascontiguousarray(x[order[:count]]))
    y = torch.from_numpy(y[order[:count]].astype(np.int64))
    model = build(read_design(a.project))
    if a.eval:
        rates = evaluate(model, x, a.eval_batch, a.repeats)
    else:
        rates = train(model, x, y, a.epochs, a.batch)[1:]
    summary = dict(name=a.name, samples=count, threads=a.threads, rates=rates, torch=torch.__version__,
                   libs=loaded_blas(), model=str(model).replace("\n", " "))
    print(json.dumps(summary))
    if a.json:
        with open(a.json, "a") as f:
            f.write(json.dumps(summary) + "\n")


if __name__ == "__main__":
    main()
