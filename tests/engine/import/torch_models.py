#!/usr/bin/python3
"""Models built and exported by PyTorch's own torch.onnx.export, for the ONNX importer's test.

usage: torch_models.py OUT_DIR MNIST_DIR

For every model NAME (see MODELS) it writes into OUT_DIR:
  NAME.onnx          the model, exported with a dynamic batch axis named "N" (view_static: a fixed batch of 1)
  NAME.inputs.f32    200 seeded random inputs, raw float32, one sample per row (C, H, W flattened)
  NAME.outputs.f32   PyTorch's class probabilities for them, raw float32 (200 x 10)
For the models trained on mnist-10k (TRAINED) it also writes
  NAME.test.f32      PyTorch's class probabilities for every test image, raw float32 (count x 10)
  NAME.test.u8       PyTorch's argmax prediction for every test image, one byte each
and prints "NAME accuracy A" (A in [0, 1]). Each model also prints "NAME ops OP OP ..." (sorted op types).
Last, unsupported.onnx: a model with four nodes Neurite cannot import, their names in unsupported.nodes.
Checks that the exporter really produced the graphs the test is about (BatchNormalization kept or folded,
the Shape subgraph of x.view, the Pad of nn.ZeroPad2d, MatMul for a Linear without bias, the opset asked
for...) and exits non-zero when one is missing.
"""
import gzip
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

SAMPLES = 200
TRAIN_IMAGES = 2000


class Mlp(nn.Module):
    """784 -> 64 -> ReLU -> 10, with a softmax head, plain logits, or F.log_softmax (softmax="log", as
    PyTorch's own MNIST example ends)."""

    def __init__(self, softmax):
        super().__init__()
        self.fc1 = nn.Linear(784, 64)
        self.fc2 = nn.Linear(64, 10)
        self.softmax = softmax

    def logits(self, x):
        return self.fc2(F.relu(self.fc1(x)))

    def forward(self, x):
        y = self.logits(x)
        if self.softmax == "log":
            return F.log_softmax(y, dim=1)
        return F.softmax(y, dim=1) if self.softmax else y


class Cnn(nn.Module):
    """Conv(padding=1) -> BatchNorm -> ReLU -> MaxPool -> ZeroPad2d -> Conv(stride 2) -> ReLU -> Flatten -> Linear,
    ending in logits."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)  # 28x28
        self.bn1 = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(2)  # 14x14
        self.pad = nn.ZeroPad2d(1)  # 16x16, exported as a Pad node the importer merges into conv2
        self.conv2 = nn.Conv2d(4, 8, 3, stride=2)  # 7x7
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(8 * 7 * 7, 10)

    def logits(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = F.relu(self.conv2(self.pad(x)))
        return self.fc(self.flatten(x))

    def forward(self, x):
        return self.logits(x)


class Residual(nn.Module):
    """A stem conv, then h + conv(relu(conv(h))) (an Add), pooled into nn.Softmax(dim=1)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.conv_a = nn.Conv2d(4, 4, 3, padding=1)
        self.conv_b = nn.Conv2d(4, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(4 * 14 * 14, 10)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        h = F.relu(self.stem(x))
        h = F.relu(h + self.conv_b(F.relu(self.conv_a(h))))
        return self.softmax(self.fc(torch.flatten(self.pool(h), 1)))


class Branches(nn.Module):
    """Two convolutions of the input joined by torch.cat along the channels, ending in logits."""

    def __init__(self):
        super().__init__()
        self.left = nn.Conv2d(1, 3, 3, padding=1)
        self.right = nn.Conv2d(1, 2, 5, padding=2)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(5 * 14 * 14, 10)

    def forward(self, x):
        x = torch.cat([self.left(x), self.right(x)], dim=1)
        return self.fc(torch.flatten(self.pool(F.relu(x)), 1))


class Viewed(nn.Module):
    """A conv whose output is flattened with x.view(x.size(0), -1): with a dynamic batch the exporter writes
    Shape -> Gather -> Unsqueeze -> Concat -> Reshape. Ends in F.softmax."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 6, 5, stride=2)  # 12x12
        self.fc = nn.Linear(6 * 12 * 12, 10)

    def forward(self, x):
        x = F.relu(self.conv(x))
        return F.softmax(self.fc(x.view(x.size(0), -1)), dim=1)


class EveryDenseLayer(nn.Module):
    """nn.Linear without bias (exported as MatMul), BatchNorm1d, Dropout, LeakyReLU, Sigmoid and Tanh; logits."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 32, bias=False)
        self.bn = nn.BatchNorm1d(32)
        self.drop = nn.Dropout(0.3)
        self.fc2 = nn.Linear(32, 16)
        self.fc3 = nn.Linear(16, 10)

    def forward(self, x):
        x = F.leaky_relu(self.fc2(self.drop(self.bn(self.fc1(x)))), 0.2)
        return self.fc3(torch.tanh(torch.sigmoid(x)))


class Pools(nn.Module):
    """A conv without bias, AvgPool2d, AdaptiveAvgPool2d(1) (GlobalAveragePool); logits."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, bias=False)  # 26x26
        self.avg = nn.AvgPool2d(2)  # 13x13
        self.conv2 = nn.Conv2d(4, 6, 3, padding=1)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(6, 10)

    def forward(self, x):
        x = F.relu(self.conv2(self.avg(F.relu(self.conv1(x)))))
        return self.fc(torch.flatten(self.gap(x), 1))


class AsymmetricPad(nn.Module):
    """F.pad by one pixel on the right and bottom only, before a 2x2 conv (TensorFlow's "same" for an even
    kernel); logits."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 2)
        self.fc = nn.Linear(2 * 28 * 28, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(F.pad(x, (0, 1, 0, 1))), 1))


class Nested(nn.Module):
    """nn.Sequential inside modules, as torchvision writes them: PyTorch names the nodes
    "/features/features.0/Conv"; logits."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2))  # 13x13
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(4 * 13 * 13, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


class Downsample(nn.Module):
    """A ResNet-style block that halves the image: a strided 3x3 path with BatchNorm, added to a strided 1x1
    conv of its input, then global average pooling; logits."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.conv_a = nn.Conv2d(4, 8, 3, stride=2, padding=1)  # 14x14
        self.conv_b = nn.Conv2d(8, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.shortcut = nn.Conv2d(4, 8, 1, stride=2)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        h = F.relu(self.stem(x))
        y = F.relu(self.bn(self.conv_b(F.relu(self.conv_a(h)))) + self.shortcut(h))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(y, 1), 1))


class ReluThenBatchNorm(nn.Module):
    """BatchNorm after the ReLU (the exporter cannot fold it into the conv); logits."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4 * 26 * 26, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.bn(F.relu(self.conv(x))), 1))


class DenseBranches(nn.Module):
    """torch.cat of two Linear layers of a flat input; logits."""

    def __init__(self):
        super().__init__()
        self.left = nn.Linear(784, 8)
        self.right = nn.Linear(784, 6)
        self.fc = nn.Linear(14, 10)

    def forward(self, x):
        return self.fc(F.relu(torch.cat([self.left(x), self.right(x)], dim=1)))


class Unsupported(nn.Module):
    """Four things Neurite has no layer for: a grouped conv, a dilated conv, reflection padding, upsampling."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.grouped = nn.Conv2d(4, 4, 3, padding=1, groups=2)
        self.dilated = nn.Conv2d(4, 4, 3, padding=2, dilation=2)
        self.after_pad = nn.Conv2d(4, 4, 3)  # 30x30 -> 28x28
        self.fc = nn.Linear(4 * 14 * 14, 10)

    def forward(self, x):
        x = self.dilated(self.grouped(self.conv(x)))
        x = F.max_pool2d(self.after_pad(F.pad(x, (1, 1, 1, 1), mode="reflect")), 2)
        x = F.max_pool2d(F.interpolate(x, scale_factor=2), 2)
        return self.fc(torch.flatten(x, 1))


def unsupported_nodes(path):
    """The nodes of `path` that Neurite cannot import, found from the file itself: grouped or dilated Conv,
    a Pad that is not constant, Resize."""
    def attribute(node, name, default):
        return next((onnx.helper.get_attribute_value(a) for a in node.attribute if a.name == name), default)
    names = []
    for node in onnx.load(path).graph.node:
        conv = node.op_type == "Conv" and (attribute(node, "group", 1) != 1 or
                                           any(d != 1 for d in attribute(node, "dilations", [1, 1])))
        pad = node.op_type == "Pad" and attribute(node, "mode", b"constant") != b"constant"
        if conv or pad or node.op_type == "Resize":
            names.append(node.name)
    if len(names) != 4:
        sys.exit(f"{path} should have 4 nodes Neurite cannot import, has {names}")
    return names


# name: (model factory, input shape of one sample, whether it ends in plain logits, export arguments)
IMAGE = (1, 28, 28)
MODELS = {
    "mlp_softmax": (lambda: Mlp(softmax=True), (784,), False, {}),
    "mlp_logits": (lambda: Mlp(softmax=False), (784,), True, {}),
    "cnn_folded": (Cnn, IMAGE, True, {}),
    # In eval mode, but exported with BatchNormalization kept as a node (not folded into conv1).
    "cnn_batchnorm": (Cnn, IMAGE, True, {"training": torch.onnx.TrainingMode.PRESERVE}),
    "residual": (Residual, IMAGE, False, {}),
    "concat": (Branches, IMAGE, True, {}),
    "view": (Viewed, IMAGE, False, {}),
    # What else users export: more layer types, older and newer opsets (Softmax and Pad changed at 13 and
    # 11), and a fixed batch of 1 without dynamic axes (x.view's shape is then a constant).
    "mlp_layers": (EveryDenseLayer, (784,), True, {}),
    "cnn_pools": (Pools, IMAGE, True, {}),
    "pad_asymmetric": (AsymmetricPad, IMAGE, True, {}),
    "mlp_opset9": (lambda: Mlp(softmax=True), (784,), False, {"opset_version": 9}),
    "cnn_opset11": (Cnn, IMAGE, True, {"opset_version": 11}),
    "cnn_opset17": (Cnn, IMAGE, True, {"opset_version": 17}),
    # As older PyTorch wrote by default: the weights also listed as graph inputs, Pad's amounts an attribute.
    "cnn_opset9_weight_inputs": (Cnn, IMAGE, True, {"opset_version": 9, "keep_initializers_as_inputs": True}),
    "view_static": (Viewed, IMAGE, False, {"dynamic_axes": None}),
    "nested": (Nested, IMAGE, True, {}),
    "downsample": (Downsample, IMAGE, True, {}),
    "relu_batchnorm": (ReluThenBatchNorm, IMAGE, True, {}),
    "dense_concat": (DenseBranches, (784,), True, {}),
    # The softmax of log-probabilities is the probabilities: "softmaxed" like logits.
    "mlp_log_softmax": (lambda: Mlp(softmax="log"), (784,), True, {}),
}

# The models trained on mnist-10k before export; cnn_batchnorm is the same trained network as cnn_folded.
TRAINED = ("mlp_softmax", "cnn_folded")
SAME_NETWORK = {"cnn_batchnorm": "cnn_folded", "mlp_opset9": "mlp_softmax", "cnn_opset11": "cnn_folded",
                "cnn_opset17": "cnn_folded", "cnn_opset9_weight_inputs": "cnn_folded"}


def read_idx(path):
    """An IDX file (gzip or plain) as a numpy array of its dimensions."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_mnist(folder, part):
    """Images scaled to [0, 1] as (count, 1, 28, 28) float32, and their labels."""
    def find(stem):
        for name in (stem, stem + ".gz"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
        sys.exit(f"{stem} is not in {folder}")
    images = read_idx(find(f"{part}-images-idx3-ubyte")).astype(np.float32) / 255.0
    labels = read_idx(find(f"{part}-labels-idx1-ubyte")).astype(np.int64)
    return torch.from_numpy(images.reshape(-1, 1, 28, 28)), torch.from_numpy(labels)


def give_batchnorm_stats(net):
    """Non-trivial affine parameters and running statistics (training moves the latter on), so that folding
    or applying BatchNorm wrongly shows in the outputs."""
    for m in net.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            with torch.no_grad():
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)


def train(net, shape, images, labels):
    """One seeded epoch of Adam over the first TRAIN_IMAGES training images, batches of 32."""
    net.train()
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3)
    order = torch.randperm(TRAIN_IMAGES)
    for start in range(0, TRAIN_IMAGES, 32):
        batch = order[start:start + 32]
        loss = F.cross_entropy(net.logits(images[batch].reshape(len(batch), *shape)), labels[batch])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    net.eval()


def probabilities(net, x, logits):
    """What Neurite's imported design predicts: class probabilities. A model ending in plain logits is
    softmaxed here, because Neurite's cross-entropy design always outputs probabilities."""
    with torch.no_grad():
        y = net(x)
        return (F.softmax(y, dim=1) if logits else y).numpy().astype(np.float32)


def export(net, shape, path, extra):
    """Exports with a dynamic batch axis "N" unless `extra` says otherwise; a fixed batch is 1."""
    args = {"input_names": ["input"], "output_names": ["output"],
            "dynamic_axes": {"input": {0: "N"}, "output": {0: "N"}}}
    args.update(extra)
    torch.onnx.export(net, torch.rand(2 if args["dynamic_axes"] else 1, *shape), path, **args)
    model = onnx.load(path)
    onnx.checker.check_model(model)
    opset = [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")]
    if opset != [extra.get("opset_version", opset[0])]:
        sys.exit(f"{path} has opset {opset}, not the {extra['opset_version']} asked for")
    return sorted({node.op_type for node in model.graph.node})


def check_graph(name, ops):
    """The exporter's graphs this test is about; fails loudly when PyTorch wrote something else."""
    wanted = {"cnn_folded": ("Pad",), "cnn_batchnorm": ("BatchNormalization", "Pad"), "residual": ("Add",),
              "concat": ("Concat",), "view": ("Shape", "Gather", "Unsqueeze", "Concat", "Reshape"),
              "mlp_layers": ("MatMul", "BatchNormalization", "LeakyRelu", "Sigmoid", "Tanh"),
              "cnn_pools": ("AveragePool", "GlobalAveragePool"), "pad_asymmetric": ("Pad",),
              "cnn_opset11": ("Pad",), "cnn_opset17": ("Pad",), "cnn_opset9_weight_inputs": ("Pad",),
              "view_static": ("Reshape",),
              "downsample": ("Add", "GlobalAveragePool"), "relu_batchnorm": ("BatchNormalization",),
              "dense_concat": ("Concat",)}
    missing = [op for op in wanted.get(name, ()) if op not in ops]
    if missing:
        sys.exit(f"{name}.onnx has no {', '.join(missing)} node: {' '.join(ops)}")
    if name == "cnn_folded" and "BatchNormalization" in ops:
        sys.exit("cnn_folded.onnx kept its BatchNormalization node: the eval-mode export should fold it")
    if name == "view_static" and "Shape" in ops:
        sys.exit("view_static.onnx computes x.view's shape: with a fixed batch it should be a constant")


def main():
    out_dir, mnist_dir = sys.argv[1:3]
    torch.manual_seed(0)
    torch.set_num_threads(2)
    train_images, train_labels = load_mnist(mnist_dir, "train")
    test_images, test_labels = load_mnist(mnist_dir, "t10k")
    nets = {}
    for name, (make, shape, logits, extra) in MODELS.items():
        torch.manual_seed(sum(map(ord, name)))
        net = nets[SAME_NETWORK[name]] if name in SAME_NETWORK else make()
        if name not in SAME_NETWORK:
            give_batchnorm_stats(net)
        if name in TRAINED:
            train(net, shape, train_images, train_labels)
        net.eval()
        nets[name] = net
        path = os.path.join(out_dir, name)
        ops = export(net, shape, path + ".onnx", extra)
        check_graph(name, ops)
        print(name, "ops", " ".join(ops))
        x = torch.rand(SAMPLES, *shape)
        x.numpy().astype(np.float32).tofile(path + ".inputs.f32")
        probabilities(net, x, logits).tofile(path + ".outputs.f32")
        if name in TRAINED:
            y = probabilities(net, test_images.reshape(len(test_images), *shape), logits)
            y.tofile(path + ".test.f32")
            predicted = y.argmax(axis=1).astype(np.uint8)
            predicted.tofile(path + ".test.u8")
            print(name, "accuracy", float((predicted == test_labels.numpy()).mean()))
    path = os.path.join(out_dir, "unsupported")
    export(Unsupported().eval(), IMAGE, path + ".onnx", {})
    with open(path + ".nodes", "w") as f:
        f.write("\n".join(unsupported_nodes(path + ".onnx")) + "\n")


if __name__ == "__main__":
    main()
