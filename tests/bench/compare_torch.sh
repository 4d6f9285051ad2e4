#!/usr/bin/env bash
# Trains the reference MLP with Neurite and with PyTorch side by side, in alternating rounds on the same
# machine, and prints the medians and ratios (batch 32, batch 256, single-sample latency); then the same for
# the LeNet-style CNN (batch 64, latency). Both train on the same images (Fashion-MNIST's 60,000 by default;
# NEURITE_BENCH_DATA=DIR for another IDX folder). PyTorch needs python3-torch and libopenblas0-openmp.
# Usage: tests/bench/compare_torch.sh [ROUNDS] [BUILD_DIR]     (needs python3-torch; ./test.sh installs it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}
build=${2:-$here/../../build}
data=${NEURITE_BENCH_DATA:-/usr/share/datasets/fashion-mnist}   # the same real images for both sides
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# PyTorch at its best: Debian's Python, OpenBLAS sharing PyTorch's OpenMP pool, no core-type override.
# torch_mlp.py appends one JSON summary per run (all epochs; the first is the warm-up, not counted).
torch_run() {
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
    /usr/bin/python3 "$here/torch_mlp.py" --data "$data" --epochs 3 --threads 2 --json "$out" "$@" >/dev/null
}

for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  torch_run --batch 32 --latency 2000
  torch_run --batch 256
  torch_run --cnn --batch 64 --latency 1000
  "$build/neurite" bench --json --threads 2 --data "$data" --repeats 2 >>"$out"
done

/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
torch32, torch256, torchlat, n32, n256, nlat = [], [], [], [], [], []
tcnn, tcnnlat, ncnn, ncnnlat = [], [], [], []
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "epochs" in d:  # a PyTorch summary: median of the epochs after the first (warm-up)
        rate = statistics.median(e["samples_per_s"] for e in d["epochs"][1:])
        latency = d.get("latency", {}).get("median_us")
        if d["model"] == "cnn":
            tcnn.append(rate)
            if latency: tcnnlat.append(latency)
        elif d["batch"] == 32:
            torch32.append(rate)
            if latency: torchlat.append(latency)
        else:
            torch256.append(rate)
    else:
        n32.append(d["mlp_batch32_samples_per_s"]); n256.append(d["mlp_batch256_samples_per_s"])
        nlat.append(d["mlp_latency_us"])
        ncnn.append(d["cnn_batch64_samples_per_s"]); ncnnlat.append(d["cnn_latency_us"])
m = statistics.median
print(f"{'reference MLP, 2 threads':32} {'Neurite':>12} {'PyTorch':>12} {'ratio':>8}")
print(f"{'training, batch 32 (samples/s)':32} {m(n32):12,.0f} {m(torch32):12,.0f} {m(n32)/m(torch32):7.2f}x")
print(f"{'training, batch 256 (samples/s)':32} {m(n256):12,.0f} {m(torch256):12,.0f} {m(n256)/m(torch256):7.2f}x")
print(f"{'inference, 1 sample (us)':32} {m(nlat):12.2f} {m(torchlat):12.2f} {m(torchlat)/m(nlat):7.2f}x")
print(f"{'LeNet CNN, batch 64 (samples/s)':32} {m(ncnn):12,.0f} {m(tcnn):12,.0f} {m(ncnn)/m(tcnn):7.2f}x")
print(f"{'LeNet CNN, 1 sample (us)':32} {m(ncnnlat):12.2f} {m(tcnnlat):12.2f} {m(tcnnlat)/m(ncnnlat):7.2f}x")
print(f"(medians of {len(n32)} rounds; ratio > 1 means Neurite is faster)")
PY
