#!/usr/bin/python3
"""PyTorch CPU reference: MLP 784-128(ReLU)-64(ReLU)-10 (or a small LeNet-like CNN
with --cnn), softmax + cross-entropy, Adam lr=1e-3, on an IDX dataset folder.

Measured "at its best": the whole dataset is decoded into float32 tensors in
memory before timing; the training loop is a manual shuffled-index batch loop
(no DataLoader). The per-epoch throughput counts only the training loop
(shuffle, batch gather, forward, backward, Adam step); the test evaluation and
the data loading are outside the timed region.

Run with Debian's packages: /usr/bin/python3 torch_mlp.py --data DIR ...
Which BLAS torch's Linear uses depends on the libblas.so.3 that is loaded:
see README.md (LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas -> reference
netlib BLAS, .../openblas-pthread -> OpenBLAS).
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        buf = f.read()
    magic = struct.unpack(">I", buf[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, buf[4:4 + 4 * ndim])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def synthetic(n):
    rng = np.random.default_rng(42)
    x = (rng.integers(0, 256, size=(n, 784), dtype=np.uint8).astype(np.float32) / 255.0)
    y = rng.integers(0, 10, size=n).astype(np.int64)
    return torch.from_numpy(x).contiguous(), torch.from_numpy(y), torch.from_numpy(x[:1000]).contiguous(), torch.from_numpy(y[:1000])


def load(data_dir):
    def p(name):
        return os.path.join(data_dir, name)
    xtr = read_idx(p("train-images-idx3-ubyte.gz")).reshape(-1, 784).astype(np.float32) / 255.0
    ytr = read_idx(p("train-labels-idx1-ubyte.gz")).astype(np.int64)
    xte = read_idx(p("t10k-images-idx3-ubyte.gz")).reshape(-1, 784).astype(np.float32) / 255.0
    yte = read_idx(p("t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    return (torch.from_numpy(xtr).contiguous(), torch.from_numpy(ytr),
            torch.from_numpy(xte).contiguous(), torch.from_numpy(yte))


def make_mlp():
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(),
                         nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 10))


def make_cnn():
    # 1x28x28 -> conv5 8ch 24x24 -> pool 12x12 -> conv5 16ch 8x8 -> pool 4x4 -> dense 256->10
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(256, 10))


def loaded_blas():
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() or "dnnl" in line.lower()}
        return sorted(os.path.realpath(x) for x in libs if x.startswith("/"))
    except OSError:
        return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", help="folder with {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz")
    ap.add_argument("--synthetic", type=int, default=0, metavar="N", help="N random MNIST-shaped samples instead")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cnn", action="store_true", help="LeNet-like CNN instead of the MLP")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--latency", type=int, default=0, metavar="N",
                    help="after training, time N single-sample (batch 1) forward calls; print the median")
    ap.add_argument("--json", default=None, help="append a JSON summary line to this file")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    t0 = time.perf_counter()
    xtr, ytr, xte, yte = synthetic(a.synthetic) if a.synthetic else load(a.data)
    t_load = time.perf_counter() - t0
    n = xtr.shape[0]
    model = make_cnn() if a.cnn else make_mlp()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} model={'cnn' if a.cnn else 'mlp'} "
          f"batch={a.batch} train={n} test={xte.shape[0]} load={t_load:.2f}s", flush=True)
    print("libs: " + " ".join(loaded_blas()), flush=True)

    epochs = []
    for ep in range(1, a.epochs + 1):
        model.train()
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        total = torch.zeros((), dtype=torch.float64)
        for s in range(0, n, a.batch):
            idx = perm[s:s + a.batch]
            xb = xtr.index_select(0, idx)
            yb = ytr.index_select(0, idx)
            out = model(xb)
            loss = loss_fn(out, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.detach() * idx.numel()
        train_loss = float(total) / n   # sync point inside the timed region
        dt = time.perf_counter() - t0
        model.eval()
        with torch.no_grad():
            acc = float((model(xte).argmax(1) == yte).float().mean())
        rec = dict(epoch=ep, train_loss=train_loss, test_acc=acc, epoch_s=dt, samples_per_s=n / dt)
        epochs.append(rec)
        print(f"epoch {ep}: train_loss {train_loss:.4f}  test_acc {acc * 100:.2f}%  "
              f"train_time {dt:.3f}s  throughput {n / dt:,.0f} samples/s", flush=True)

    summary = dict(model="cnn" if a.cnn else "mlp", data=a.data or f"synthetic {a.synthetic}", batch=a.batch,
                   threads=a.threads, epochs=epochs, torch=torch.__version__, libs=loaded_blas())
    if a.latency:
        model.eval()
        x1 = xte[:1].clone()
        times = []
        with torch.no_grad():
            for _ in range(100):
                model(x1)
            for i in range(a.latency):
                x1 = xte[i % xte.shape[0]:i % xte.shape[0] + 1]
                t0 = time.perf_counter_ns()
                model(x1)
                times.append(time.perf_counter_ns() - t0)
        times = np.array(times) / 1000.0
        lat = dict(n=a.latency, median_us=float(np.median(times)), p10_us=float(np.percentile(times, 10)),
                   p90_us=float(np.percentile(times, 90)), min_us=float(times.min()))
        summary["latency"] = lat
        print(f"latency batch=1 (no_grad, {a.latency} calls): median {lat['median_us']:.1f} us  "
              f"p10 {lat['p10_us']:.1f}  p90 {lat['p90_us']:.1f}  min {lat['min_us']:.1f}", flush=True)
    if a.json:
        with open(a.json, "a") as f:
            f.write(json.dumps(summary) + "\n")


if __name__ == "__main__":
    sys.exit(main())
