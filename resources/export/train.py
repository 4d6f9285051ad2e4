#!/usr/bin/env python3
"""Trains the exported Neurite design with torch.distributed DistributedDataParallel (DDP).

One process per CPU socket or GPU, on one machine or many (torchrun sets RANK, WORLD_SIZE, MASTER_ADDR...):

    python3 train.py --data DATA                                                # one process
    torchrun --standalone --nproc_per_node 2 train.py --data DATA               # two on this machine
    torchrun --nnodes 2 --node_rank 0 --nproc_per_node 4 --rdzv_backend c10d \
             --rdzv_endpoint HOST0:29400 train.py --data DATA                  # on each machine: node_rank 0, 1

(Debian 12's torch 1.13 on Python 3.11 needs `torchrun ... --redirects 2 --tee 1` to start; newer ones do not.
PyTorch 2 also spells torchrun's options with dashes: --nproc-per-node, --node-rank, --rdzv-endpoint.)
DATA is what the project trained on (neurite_data.py reads and converts it exactly as Neurite does): a folder
of MNIST-style IDX files, a folder of images in class subfolders (converted to the size and channels in
schema.json) or a CSV/TSV table (encoded with schema.json by encoder.py). Without a test part, the project's
test split is held out with Neurite's own seeded split, so the script tests on the samples Neurite tested on.
The defaults below are the Neurite project's settings: the same optimiser, learning rate, schedule, batch
size, epochs, validation split, early stopping and seed.
--batch-size is the global batch: each of the WORLD_SIZE processes takes batch_size / WORLD_SIZE samples of its
own shard (a DistributedSampler) and DDP averages the gradients, so one step matches one Neurite step on the
whole batch. After every epoch the processes compare their weights and stop with an error if any differs.
Shuffling and initialisation use PyTorch's random numbers, not Neurite's, so runs are alike but not
bit-identical. Rank 0 writes OUT/weights.npz (the layout of model.py; `neurite import-weights` takes it back
into the project) and OUT/weights.pt.
"""
import argparse
import copy
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
import neurite_data  # noqa: E402  (neurite_data.py beside this script)

SETTINGS = @SETTINGS@


def load_data(args):
    """The project's data as tensors, checked against the network's input size."""
    folder = os.path.dirname(os.path.abspath(__file__))
    data = neurite_data.load(args.data, neurite_data.load_schema(folder), args.test_split, args.split_seed)
    for part in ("train", "test", "validation"):
        if data[part] is None:
            continue
        x, y = data[part]
        if x.shape[1] != neurite_model.INPUT_SIZE:
            raise SystemExit(f"{args.data}: a sample has {x.shape[1]} values, the network takes "
                             f"{neurite_model.INPUT_SIZE}")
        data[part] = (torch.from_numpy(x), torch.from_numpy(y))
    return data


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
    """Neurite's losses: cross-entropy on logits, or MSE against one-hot targets (the label for 1 output), or
    against the standardised target of a regression (float labels; nothing is counted as correct)."""
    if labels.is_floating_point():
        return F.mse_loss(outputs[:, 0], labels), torch.zeros((), dtype=torch.long)
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
    p.add_argument("--data", required=True, help="folder of IDX files, folder of images, or CSV/TSV table")
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
    p.add_argument("--test-split", type=float, default=s["test_split"],
                   help="without a test part: the share of each class held out for testing, as Neurite does")
    p.add_argument("--split-seed", type=int, default=1, help="the seed of that split (neurite's --split-seed)")
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


def weights_difference(net, device):
    """The largest |difference| between any two processes' copies of every parameter and buffer (0 when
    they are identical, as DDP's averaged gradients keep them): each rank's values against the elementwise
    maximum and minimum over all ranks."""
    values = torch.cat([t.detach().reshape(-1).to(torch.float64) for t in net.state_dict().values()
                        if t.is_floating_point()]).to(device)
    highest, lowest = values.clone(), values.clone()
    dist.all_reduce(highest, op=dist.ReduceOp.MAX)
    dist.all_reduce(lowest, op=dist.ReduceOp.MIN)
    return float((highest - lowest).max()) if len(values) else 0.0


def synchronise_buffers(net):
    """BatchNorm's running statistics as rank 0 has them: each rank updated its own with its own shard's last
    batch (DDP broadcasts them before every forward pass, not after the last)."""
    for buffer in net.buffers():
        dist.broadcast(buffer.data, src=0)


def train_epoch(ddp, loader, optimizer, device):
    """One pass over this rank's shard; the sums (loss * samples, correct, samples) over all ranks."""
    ddp.train()
    sums = torch.zeros(3, dtype=torch.float64)
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss, hits = loss_and_correct(ddp(xb), yb)
        loss.backward()
        optimizer.step()
        sums += torch.tensor([float(loss) * len(xb), float(hits), len(xb)], dtype=torch.float64)
    sums = sums.to(device)
    dist.all_reduce(sums)
    return sums


def check_identical(net, device, rank, world, epoch):
    synchronise_buffers(net)
    difference = weights_difference(net, device)
    if rank == 0:
        print(f"weights identical on all {world} process(es) after epoch {epoch + 1}: "
              f"{'yes' if difference == 0 else 'NO'} (max |difference| {difference:.3g})", flush=True)
    if difference != 0:
        raise SystemExit(f"the processes' weights differ by up to {difference:.3g} after epoch {epoch + 1}")


def start_processes(args):
    """(rank, world size, backend, device) after joining the process group."""
    single_process_defaults()
    backend = args.backend or ("nccl" if torch.cuda.is_available() else "gloo")
    dist.init_process_group(backend=backend)  # env:// - RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    device = torch.device(f"cuda:{local_rank}") if backend == "nccl" else torch.device("cpu")
    return dist.get_rank(), dist.get_world_size(), backend, device


def finish(args, net, test, device):
    """Rank 0: the test accuracy and the weights files."""
    test_loss, test_accuracy = evaluate(net, *test, device)
    if test[1].is_floating_point():
        rmse = math.sqrt(test_loss) * getattr(neurite_model, "TARGET_DEVIATION", 1.0)
        print(f"Test loss: {test_loss:.6f} (standardised target; RMSE {rmse:.4g} in the target's units) on "
              f"{len(test[0])} test samples", flush=True)
    else:
        print(f"Test accuracy: {100 * test_accuracy:.2f}% (loss {test_loss:.4f}) on {len(test[0])} test samples",
              flush=True)
    os.makedirs(args.out, exist_ok=True)
    neurite_model.save_weights(net, os.path.join(args.out, "weights.npz"))
    torch.save(net.state_dict(), os.path.join(args.out, "weights.pt"))
    print(f"Saved {os.path.join(args.out, 'weights.npz')}", flush=True)


def main():
    args = parse_arguments()
    rank, world, backend, device = start_processes(args)
    torch.manual_seed(args.seed)

    net = neurite_model.NeuriteNet()
    if args.weights != "none":
        neurite_model.load_weights(net, args.weights)
    net.to(device)
    ddp = DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = make_optimizer(args, ddp.parameters())

    data = load_data(args)
    (train_x, train_y), validation = data["train"], data["validation"]
    if validation is None:
        (train_x, train_y), validation = split_validation(train_x, train_y, args.validation_split, args.seed)
    train_set = TensorDataset(train_x, train_y)
    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(train_set, batch_size=max(1, args.batch_size // world), sampler=sampler)
    print(f"rank {rank} of {world}: {len(sampler)} of the {len(train_x)} training samples in its shard", flush=True)
    if rank == 0:
        print(f"Training on {len(train_x)} samples ({data['kind']}) with {world} process(es), backend {backend}, "
              f"{args.epochs} epochs, global batch {args.batch_size}, {args.optimizer} lr {args.lr}", flush=True)

    best_loss, best_state, waited = math.inf, None, 0
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        lr = learning_rate(args, epoch)
        for group in optimizer.param_groups:
            group["lr"] = lr
        sums = train_epoch(ddp, loader, optimizer, device)
        check_identical(net, device, rank, world, epoch)
        line = f"epoch {epoch + 1}/{args.epochs}  train loss {sums[0] / sums[2]:.4f}  "
        line += f"accuracy {100 * sums[1] / sums[2]:.2f}%  lr {lr:.6g}" if not train_y.is_floating_point() else \
            f"lr {lr:.6g}"
        stop = torch.zeros(1, device=device)
        if validation is not None:
            val_loss, val_accuracy = evaluate(net, *validation, device)
            line += f"  validation loss {val_loss:.4f}"
            line += "" if train_y.is_floating_point() else f"  accuracy {100 * val_accuracy:.2f}%"
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
        finish(args, net, data["test"], device)
    dist.barrier()
    dist.destroy_process_group()
    print(f"rank {rank} of {world}: finished", flush=True)


if __name__ == "__main__":
    main()
