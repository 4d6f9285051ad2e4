#!/usr/bin/python3
"""Golden values for tests/engine/training/tst_optimizers.cpp, produced with PyTorch's own optimisers.

Run with the Debian python3-torch (1.13): /usr/bin/python3 tests/engine/reference/optimizer_reference.py
It prints C++ arrays to paste into the test: the 2x3 weights after each of four steps, per configuration.

Hyperparameters are passed rounded to float32 because Neurite stores them as float; PyTorch then does
exactly what Neurite does (1 - beta in double, rounded once to float), so the tolerance only has to cover
float rounding inside the update, not 0.999 versus 0.999f.
"""
import numpy as np
import torch

W0 = [[0.5, -1.25, 2.0], [-0.75, 1.5, 0.25]]
GRADS = [
    [[0.1, -0.2, 0.3], [-0.4, 0.5, -0.6]],
    [[0.25, 0.125, -0.5], [0.75, -0.25, 0.0625]],
    [[-0.3, 0.6, 0.2], [0.1, -0.9, 0.4]],
    [[0.05, -0.15, -0.35], [0.45, 0.2, -0.8]],
]
# The learning rate handed to step() is base * LR_FACTORS[step], as a schedule would.
LR_FACTORS = [1.0, 1.0, 0.5, 0.5]


def f32(x):
    return float(np.float32(x))


CONFIGS = [
    # name, torch class, base lr, keyword arguments
    ("kSgdPlain", torch.optim.SGD, 0.1, {}),
    ("kSgdMomentum", torch.optim.SGD, 0.1, {"momentum": 0.9}),
    ("kSgdNesterov", torch.optim.SGD, 0.1, {"momentum": 0.9, "nesterov": True}),
    ("kSgdWeightDecay", torch.optim.SGD, 0.1, {"momentum": 0.5, "weight_decay": 0.1}),
    ("kAdam", torch.optim.Adam, 0.01, {"betas": (0.9, 0.999), "eps": 1e-8}),
    ("kAdamWeightDecay", torch.optim.Adam, 0.01, {"betas": (0.8, 0.99), "eps": 1e-3, "weight_decay": 0.1}),
    ("kAdamW", torch.optim.AdamW, 0.01, {"betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.1}),
    ("kRmsProp", torch.optim.RMSprop, 0.01, {"alpha": 0.99, "eps": 1e-8}),
    ("kRmsPropWeightDecay", torch.optim.RMSprop, 0.01, {"alpha": 0.9, "eps": 1e-6, "weight_decay": 0.1}),
]


def to_f32(value):
    if isinstance(value, tuple):
        return tuple(to_f32(v) for v in value)
    if isinstance(value, float):
        return f32(value)
    return value


def run(cls, lr, kwargs):
    w = torch.tensor(W0, dtype=torch.float32, requires_grad=True)
    extra = {"foreach": False} if cls is not torch.optim.SGD else {}
    opt = cls([w], lr=f32(lr), **{k: to_f32(v) for k, v in kwargs.items()}, **extra)
    rows = []
    for grad, factor in zip(GRADS, LR_FACTORS):
        for group in opt.param_groups:
            group["lr"] = f32(f32(lr) * factor)
        w.grad = torch.tensor(grad, dtype=torch.float32)
        opt.step()
        rows.append(w.detach().numpy().reshape(-1).copy())
    return rows


def main():
    print(f"// Produced by tests/engine/reference/optimizer_reference.py with torch {torch.__version__}.")
    for name, cls, lr, kwargs in CONFIGS:
        rows = run(cls, lr, kwargs)
        print(f"constexpr float {name}[kSteps][kSize] = {{")
        for row in rows:
            print("    {" + ", ".join(f"{v:.9g}f" for v in row) + "},")
        print("};")


if __name__ == "__main__":
    main()
