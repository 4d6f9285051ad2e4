#!/usr/bin/python3
"""Writes the synthetic data of the new workloads (tests/bench/compare_torch_workloads.sh), once each:

  images DIR N   N 32x32 RGB PNGs in 10 class folders (DIR/class3/00017.png): each class a colour and a
                 stripe direction, with noise, so that a CNN has something to learn; the pixels' content
                 does not change the speed.
  table FILE N   a CSV of N rows x 50 numeric features and a "label" column of 5 classes (a noisy linear
                 rule), the wide table of the MLP workload.

Deterministic (seed 1). Usage: make_workload_data.py images|table PATH COUNT
"""
import os
import sys

import numpy as np


def write_images(root, count):
    import cv2
    rng = np.random.default_rng(1)
    colours = rng.uniform(40, 215, size=(10, 3))
    yy, xx = np.mgrid[0:32, 0:32].astype(np.float32)
    tmp = root + ".tmp"
    for c in range(10):
        os.makedirs(os.path.join(tmp, f"class{c}"), exist_ok=True)
    for i in range(count):
        c = i % 10
        angle = np.pi * c / 10
        stripes = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * 0.8 + rng.uniform(0, 6.3))
        image = colours[c][None, None, :] * (0.7 + 0.3 * stripes[..., None])
        image += rng.normal(0, 25, size=(32, 32, 3))
        cv2.imwrite(os.path.join(tmp, f"class{c}", f"{i // 10:05d}.png"), np.clip(image, 0, 255).astype(np.uint8))
    os.rename(tmp, root)


def write_table(path, count):
    import pandas as pd
    rng = np.random.default_rng(1)
    x = rng.normal(size=(count, 50)).astype(np.float32)
    w = rng.normal(size=(50, 5)).astype(np.float32)
    label = np.argmax(x @ w + rng.normal(0, 2, size=(count, 5)), axis=1)
    frame = pd.DataFrame(x, columns=[f"f{k}" for k in range(50)])
    frame["label"] = [f"c{v}" for v in label]
    frame.to_csv(path + ".tmp", index=False, float_format="%.4f")
    os.rename(path + ".tmp", path)


if __name__ == "__main__":
    kind, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if os.path.exists(path):
        sys.exit(0)
    (write_images if kind == "images" else write_table)(path, count)
