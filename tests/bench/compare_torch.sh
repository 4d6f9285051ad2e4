#!/usr/bin/env bash
# Trains the reference MLP with Neurite and with PyTorch side by side, in alternating rounds on the same
# machine, and prints the medians and ratios (batch 32, batch 256, single-sample latency); then the same for
# the LeNet-style CNN (batch 64, latency). Both train on the same images (Fashion-MNIST's 60,000 by default;
# NEURITE_BENCH_DATA=DIR for another IDX folder). Prints the machine and the BLAS library PyTorch actually
# loaded, and refuses to print ratios when that is Debian's reference BLAS (PyTorch at a fraction of its speed).
# Usage: tests/bench/compare_torch.sh [ROUNDS] [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}
build=${2:-$here/../../build}
data=${NEURITE_BENCH_DATA:-/usr/share/datasets/fashion-mnist}   # the same real images for both sides
out=$(mktemp)
trap 'rm -f "$out"' EXIT

source "$here/torch_reference.sh" # installs and checks PyTorch's OpenBLAS; torch_python; the load warning

# torch_mlp.py appends one JSON summary per run (all epochs; the first is the warm-up, not counted) with
# the BLAS libraries the process had loaded.
torch_run() {
  torch_python "$here/torch_mlp.py" --data "$data" --epochs 3 --threads 2 --json "$out" "$@" >/dev/null
}

for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  torch_run --batch 32 --latency 2000
  torch_run --batch 256
  torch_run --cnn --batch 64 --latency 1000
  "$build/neurite" bench --json --threads 2 --data "$data" --repeats 2 >>"$out"
done

/usr/bin/python3 - "$out" "$here" <<'PY'
import json, os, statistics, sys
sys.path.insert(0, sys.argv[2])
from torch_reference import blas_line, fair, refusal
torch32, torch256, torchlat, n32, n256, nlat = [], [], [], [], [], []
tcnn, tcnnlat, ncnn, ncnnlat = [], [], [], []
torch_libs, machine, torch_version = set(), None, "?"
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "epochs" in d:  # a PyTorch summary: median of the epochs after the first (warm-up)
        torch_libs.update(d.get("libs", []))
        torch_version = d.get("torch", torch_version)
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
        machine = d
        n32.append(d["mlp_batch32_samples_per_s"]); n256.append(d["mlp_batch256_samples_per_s"])
        nlat.append(d["mlp_latency_us"])
        ncnn.append(d["cnn_batch64_samples_per_s"]); ncnnlat.append(d["cnn_latency_us"])
m = statistics.median
print(f"Machine: {machine['cpu']}, {machine['cores']} hardware threads")
print(f"Neurite build uses: {machine['simd']}; both sides at {machine['threads']} threads")
print(blas_line(torch_version, torch_libs))
honest = fair(torch_libs)
rows = [("training, batch 32 (samples/s)", n32, torch32, True, ",.0f"),
        ("training, batch 256 (samples/s)", n256, torch256, True, ",.0f"),
        ("inference, 1 sample (us)", nlat, torchlat, False, ".2f"),
        ("LeNet CNN, batch 64 (samples/s)", ncnn, tcnn, True, ",.0f"),
        ("LeNet CNN, 1 sample (us)", ncnnlat, tcnnlat, False, ".2f")]
print(f"{'reference MLP':32} {'Neurite':>12} {'PyTorch':>12} {'ratio':>8}")
for title, ours, theirs, higher_is_better, fmt in rows:
    ratio = (m(ours) / m(theirs) if higher_is_better else m(theirs) / m(ours)) if honest else None
    print(f"{title:32} {format(m(ours), fmt):>12} {format(m(theirs), fmt):>12} "
          + (f"{ratio:7.2f}x" if ratio else f"{'-':>8}"))
print(f"(medians of {len(n32)} rounds; ratio > 1 means Neurite is faster)")
if not honest:
    print(refusal(torch_libs))
    sys.exit(2)
PY
