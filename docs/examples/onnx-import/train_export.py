# A user's PyTorch digit classifier: trained on mnist-10k for two epochs, exported with torch.onnx.export
# as digitnet.onnx (the README's "Open ONNX models" walk-through). Run with Debian's python3-torch:
#   python3 train_export.py "$(neurite data path mnist-10k)"
import gzip, sys
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
d = sys.argv[1].rstrip("/") + "/"  # the folder `neurite data path mnist-10k` prints
def idx(name, offset):
    return np.frombuffer(gzip.open(d + name).read(), np.uint8, offset=offset)
x = torch.tensor(idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32)
y = torch.tensor(idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
class DigitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.pad = nn.ZeroPad2d(2)
        self.conv1 = nn.Conv2d(1, 8, 5)
        self.bn1 = nn.BatchNorm2d(8)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 7 * 7, 64)
        self.fc2 = nn.Linear(64, 10)
    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(self.pad(x)))))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        return F.softmax(self.fc2(F.relu(self.fc1(x))), dim=1)
torch.manual_seed(1)
net = DigitNet()
opt = torch.optim.Adam(net.parameters(), 1e-3)
for epoch in range(2):
    perm = torch.randperm(len(x))
    for i in range(0, len(x), 64):
        b = perm[i:i + 64]
        loss = F.nll_loss(torch.log(net(x[b]) + 1e-9), y[b])
        opt.zero_grad(); loss.backward(); opt.step()
net.eval()
tx = torch.tensor(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32)
ty = idx("t10k-labels-idx1-ubyte.gz", 8)
with torch.no_grad():
    acc = (net(tx).argmax(1).numpy() == ty).mean()
print(f"PyTorch test accuracy: {acc:.4f}")
torch.onnx.export(net, torch.zeros(1, 1, 28, 28), "digitnet.onnx", input_names=["image"], output_names=["probabilities"],
                  dynamic_axes={"image": {0: "N"}, "probabilities": {0: "N"}})
