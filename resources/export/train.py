#!/usr/bin/env python3
"""Trains the exported Neurite design with torch.distributed DistributedDataParallel (DDP).

One process per CPU socket or GPU, on one machine or many (torchrun sets RANK, WORLD_SIZE, MASTER_ADDR...):

    python3 train.py --data DIR                                                 # one process
    torchrun --standalone --nproc_per_node=2 train.py --data DIR                # two on this machine
    torchrun --nnodes=2 --node_rank=0 --nproc_per_node=4 \
             --master_addr=HOST0 --master_port=29500 train.py --data DIR       # on HOST0, then node_rank=1

(Debian 12's torch 1.13 on Python 3.11 needs `torchrun ... --redirects 2 --tee 1` to start; newer ones do not.)
DIR holds MNIST-style IDX files: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
t10k-labels-idx1-ubyte (each plain or .gz). The defaults below are the Neurite project's settings: the
same optimiser, learning rate, schedule, batch size, epochs, validation split, early stopping and seed.
--batch-size is the global batch: each of the WORLD_SIZE processes takes batch_size / WORLD_SIZE samples
and DDP averages the gradients, so one step matches one Neurite step on the whole batch. Shuffling and
initialisation use PyTorch's random numbers, not Neurite's, so runs are alike but not bit-identical.
Rank 0 writes OUT/weights.npz (the layout of model.py; load it with model.load(path)) and OUT/weights.pt.
"""
import argparse
import copy
import gzip
import math
import os
import sys

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as neurite_model  # noqa: E402  (model.py beside this script)

SETTINGS = @SETTINGS@


def read_idx(path):
    """An IDX array of unsigned bytes (plain or gzip), shaped by its header."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise SystemExit(f"{path}: not an IDX file of unsigned bytes")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    array = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if array.size != int(np.prod(dims)):
        raise SystemExit(f"{path}: the header says {dims} but the file holds {array.size} bytes")
    return array.reshape(dims)


def idx_file(folder, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{folder}: no {stem} (or {stem}.gz)")


def load_split(folder, prefix):
    """(images as float32 rows of pixels / 255, labels as int64), as Neurite scales them."""
    images = read_idx(idx_file(folder, f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(idx_file(folder, f"{prefix}-labels-idx1-ubyte"))
    if len(images) != len(labels):
        raise SystemExit(f"{folder}: {len(images)} {prefix} images but {len(labels)} labels")
    x = images.reshape(len(images), -1).astype(np.float32) * np.float32(1.0 / 255.0)
    if x.shape[1] != neurite_model.INPUT_SIZE:
        raise SystemExit(f"{folder}: images have {x.shape[1]} pixels, the network takes {neurite_model.INPUT_SIZE}")
    return torch.from_numpy(x), torch.from_numpy(labels.astype(np.int64))


def learning_rate(args, epoch):
    """Neurite's schedules; epoch is 0-based."""
    if args.schedule == "step":
        return args.lr * args.gamma ** (epoch // max(args.step_epochs, 1))
    if args.schedule == "cosine":
        last = max(1, args.epochs - 1)
        progress = min(epoch, last) / last
        return args.min_lr + (args.lr - args.min_lr) * (1 + math.cos(math.pi * progress)) / 2
    return args.lr


def make_optimizer(args, parameters):
    if args.optimizer == "sgd":
        return torch.optim.SGD(parameters, lr=args.lr, momentum=args.momentum, nesterov=args.nesterov,
                               weight_decay=args.weight_decay)
    if args.optimizer == "adam":
        return torch.optim.Adam(parameters, lr=args.lr, betas=(args.beta1, args.beta2), eps=args.epsilon,
                                weight_decay=args.weight_decay)
    if args.optimizer == "adamw":
        return torch.optim.AdamW(parameters, lr=args.lr, betas=(args.beta1, args.beta2), eps=args.epsilon,
                                 weight_decay=args.weight_decay)
    if args.optimizer == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=args.lr, alpha=args.rho, eps=args.epsilon,
                                   weight_decay=args.weight_decay)
    raise SystemExit(f"unknown optimizer {args.optimizer}")


def loss_and_correct(outputs, labels):
    """Neurite's losses: cross-entropy on logits, or MSE against one-hot targets (the label for 1 output)."""
    if neurite_model.LOSS == "cross_entropy":
        return F.cross_entropy(outputs, labels), (outputs.argmax(1) == labels).sum()
    if outputs.shape[1] == 1:
        target = labels.to(outputs.dtype).unsqueeze(1)
        return F.mse_loss(outputs, target), ((outputs[:, 0] > 0.5).long() == labels).sum()
    target = F.one_hot(labels, outputs.shape[1]).to(outputs.dtype)
    return F.mse_loss(outputs, target), (outputs.argmax(1) == labels).sum()


def evaluate(net, x, y, device, batch=1024):
    """(mean loss, accuracy) over a whole set, in eval mode."""
    net.eval()
    total, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            xb, yb = x[i:i + batch].to(device), y[i:i + batch].to(device)
            loss, hits = loss_and_correct(net(xb), yb)
            total += float(loss) * len(xb)
            correct += int(hits)
    return total / max(len(x), 1), correct / max(len(x), 1)


def parse_arguments():
    s = SETTINGS
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="folder of IDX files")
    p.add_argument("--epochs", type=int, default=s["epochs"])
    p.add_argument("--batch-size", type=int, default=s["batch_size"], help="global batch over all processes")
    p.add_argument("--optimizer", default=s["optimizer"], choices=["sgd", "adam", "adamw", "rmsprop"])
    p.add_argument("--lr", type=float, default=s["lr"])
    p.add_argument("--momentum", type=float, default=s["momentum"])
    p.add_argument("--nesterov", action=argparse.BooleanOptionalAction, default=s["nesterov"])
    p.add_argument("--beta1", type=float, default=s["beta1"])
    p.add_argument("--beta2", type=float, default=s["beta2"])
    p.add_argument("--epsilon", type=float, default=s["epsilon"])
    p.add_argument("--rho", type=float, default=s["rho"], help="RMSprop's moving-average factor (alpha)")
    p.add_argument("--weight-decay", type=float, default=s["weight_decay"])
    p.add_argument("--schedule", default=s["schedule"], choices=["constant", "step", "cosine"])
    p.add_argument("--step-epochs", type=int, default=s["step_epochs"])
    p.add_argument("--gamma", type=float, default=s["gamma"])
    p.add_argument("--min-lr", type=float, default=s["min_lr"])
    p.add_argument("--validation-split", type=float, default=s["validation_split"])
    p.add_argument("--patience", type=int, default=s["patience"], help="early stopping; 0 = off")
    p.add_argument("--seed", type=int, default=s["seed"])
    p.add_argument("--weights", default=neurite_model.WEIGHTS_FILE,
                   help="initial weights (.npz); 'none' starts from PyTorch's initialisation")
    p.add_argument("--out", default="trained", help="folder for the trained weights (written by rank 0)")
    p.add_argument("--backend", default=None, help="gloo (CPU, default without CUDA) or nccl (GPUs)")
    return p.parse_args()


def split_validation(x, y, fraction, seed):
    if fraction <= 0:
        return (x, y), None
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    held = int(round(len(x) * fraction))
    if held >= len(x):
        raise SystemExit("validation split: nothing is left to train on; use a smaller split")
    return (x[order[held:]], y[order[held:]]), (x[order[:held]], y[order[:held]])


def single_process_defaults():
    """`python3 train.py` without torchrun: one process (world size 1) on a free local port."""
    if "RANK" in os.environ:
        return
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for name, value in (("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", str(port)), ("RANK", "0"),
                        ("WORLD_SIZE", "1"), ("LOCAL_RANK", "0")):
        os.environ.setdefault(name, value)


def main():
    args = parse_arguments()
    single_process_defaults()
    backend = args.backend or ("nccl" if torch.cuda.is_available() else "gloo")
    dist.init_process_group(backend=backend)  # env:// - RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT
    rank, world = dist.get_rank(), dist.get_world_size()
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    device = torch.device(f"cuda:{local_rank}") if backend == "nccl" else torch.device("cpu")
    torch.manual_seed(args.seed)

    net = neurite_model.NeuriteNet()
    if args.weights != "none":
        neurite_model.load_weights(net, args.weights)
    net.to(device)
    ddp = DistributedDataParallel(net, device_ids=[local_rank] if device.type == "cuda" else None)
    optimizer = make_optimizer(args, ddp.parameters())

    (train_x, train_y), validation = split_validation(*load_split(args.data, "train"), args.validation_split,
                                                      args.seed)
    test_x, test_y = load_split(args.data, "t10k")
    train_set = TensorDataset(train_x, train_y)
    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(train_set, batch_size=max(1, args.batch_size // world), sampler=sampler)
    if rank == 0:
        print(f"Training on {len(train_x)} images with {world} process(es), backend {backend}, "
              f"{args.epochs} epochs, global batch {args.batch_size}, {args.optimizer} lr {args.lr}", flush=True)

    best_loss, best_state, waited = math.inf, None, 0
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        lr = learning_rate(args, epoch)
        for group in optimizer.param_groups:
            group["lr"] = lr
        ddp.train()
        sums = torch.zeros(3, dtype=torch.float64)  # loss * samples, correct, samples
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad(set_to_none=True)
            loss, hits = loss_and_correct(ddp(xb), yb)
            loss.backward()
            optimizer.step()
            sums += torch.tensor([float(loss) * len(xb), float(hits), len(xb)], dtype=torch.float64)
        sums = sums.to(device)
        dist.all_reduce(sums)
        line = (f"epoch {epoch + 1}/{args.epochs}  train loss {sums[0] / sums[2]:.4f}  "
                f"accuracy {100 * sums[1] / sums[2]:.2f}%  lr {lr:.6g}")
        stop = torch.zeros(1, device=device)
        if validation is not None:
            val_loss, val_accuracy = evaluate(net, *validation, device)
            line += f"  validation loss {val_loss:.4f}  accuracy {100 * val_accuracy:.2f}%"
            if val_loss < best_loss:
                best_loss, best_state, waited = val_loss, copy.deepcopy(net.state_dict()), 0
            else:
                waited += 1
                stop[0] = 1.0 if 0 < args.patience <= waited else 0.0
        dist.broadcast(stop, src=0)  # every rank stops together, as rank 0 decides
        if rank == 0:
            print(line, flush=True)
        if stop.item() > 0:
            if rank == 0:
                print(f"early stopping: no validation improvement for {waited} epoch(s)", flush=True)
            break

    if best_state is not None and args.patience > 0:
        net.load_state_dict(best_state)
    if rank == 0:
        test_loss, test_accuracy = evaluate(net, test_x, test_y, device)
        print(f"Test accuracy: {100 * test_accuracy:.2f}% (loss {test_loss:.4f}) on {len(test_x)} test images",
              flush=True)
        os.makedirs(args.out, exist_ok=True)
        neurite_model.save_weights(net, os.path.join(args.out, "weights.npz"))
        torch.save(net.state_dict(), os.path.join(args.out, "weights.pt"))
        print(f"Saved {os.path.join(args.out, 'weights.npz')}", flush=True)
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
