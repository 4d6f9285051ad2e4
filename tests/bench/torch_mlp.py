#!/usr/bin/python3
"""PyTorch side of Neurite's speed comparison: the reference MLP (784-128(ReLU)-64(ReLU)-10, softmax
cross-entropy, Adam lr 1e-3) -- or, with --cnn, the LeNet-style CNN -- trained from in-memory float32 tensors
with a plain shuffled-index loop (no DataLoader), so PyTorch is measured at its best.

Data: --data DIR (four IDX .gz files) or --synthetic N (random MNIST-shaped data; speed does not depend on
the pixel values). Prints JSON lines: one per timed epoch (samples/s of the training loop only) and, with
--latency N, the median single-sample inference time.

Run it with Debian's Python and OpenBLAS sharing PyTorch's OpenMP pool (see compare_torch.sh).
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        buf = f.read()
    ndim = struct.unpack(">I", buf[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * ndim, buf[4:4 + 4 * ndim])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(args):
    if args.synthetic:
        rng = np.random.default_rng(42)
        x = rng.integers(0, 256, size=(args.synthetic, 784), dtype=np.uint8)
        y = rng.integers(0, 10, size=args.synthetic)
    else:
        x = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).reshape(-1, 784)
        y = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz"))
    return (torch.from_numpy(x.astype(np.float32) / 255.0).contiguous(),
            torch.from_numpy(y.astype(np.int64)))


def make_model(cnn):
    if cnn:
        return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                             nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(256, 10))
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cnn", action="store_true")
    ap.add_argument("--latency", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x, y = load(a)
    n = x.shape[0]
    model = make_model(a.cnn)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, a.epochs + 1):
        model.train()
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        total = torch.zeros((), dtype=torch.float64)
        for s in range(0, n, a.batch):
            idx = perm[s:s + a.batch]
            out = model(x.index_select(0, idx))
            loss = loss_fn(out, y.index_select(0, idx))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.detach() * idx.numel()
        float(total)  # synchronise inside the timed region
        dt = time.perf_counter() - t0
        print(json.dumps(dict(side="torch", model="cnn" if a.cnn else "mlp", batch=a.batch, threads=a.threads,
                              epoch=epoch, samples_per_s=n / dt)), flush=True)
    if a.latency:
        model.eval()
        times = []
        with torch.no_grad():
            for i in range(a.latency + 100):
                x1 = x[i % n:i % n + 1]
                t0 = time.perf_counter_ns()
                model(x1)
                if i >= 100:
                    times.append((time.perf_counter_ns() - t0) / 1000.0)
        print(json.dumps(dict(side="torch", model="cnn" if a.cnn else "mlp", latency_us=float(np.median(times)))),
              flush=True)


if __name__ == "__main__":
    main()
