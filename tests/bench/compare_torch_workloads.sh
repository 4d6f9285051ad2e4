#!/usr/bin/env bash
# The new workloads, Neurite and PyTorch side by side in alternating rounds on the same machine (medians and
# ratios, with the machine and the BLAS PyTorch loaded, as compare_torch.sh):
#   - the CNN `neurite train` designs for a folder of 32x32 RGB images (10,000 synthetic PNGs, 8,000 of them
#     for training, batch 32), PyTorch training the same layers on the same pixels;
#   - the MLP it designs for a wide table (100,000 rows x 50 features, 80,000 for training, batch 256);
#   - batch evaluation of 10,000 test images by that CNN (`neurite eval --time`, the test share of a
#     50,000-image folder; PyTorch in torch.no_grad(), 256 images a forward pass as Neurite's evaluate;
#     1,000 at a time measured 6x slower for PyTorch, 32 a little slower).
# Both sides train the design Neurite saved (torch_workloads.py reads it from the .neurite file) with Adam
# at lr 1e-3, 2 threads; the first epoch of each run is the warm-up, not counted. The synthetic data is
# written once (make_workload_data.py) under $NEURITE_BENCH_WORK (default /tmp/neurite-bench).
# Usage: tests/bench/compare_torch_workloads.sh [ROUNDS] [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}
build=${2:-$here/../../build}
work=${NEURITE_BENCH_WORK:-/tmp/neurite-bench}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
source "$here/torch_reference.sh" # installs and checks PyTorch's OpenBLAS; torch_python; the load warning

mkdir -p "$work"
images=$work/rgb32-10000 eval_images=$work/rgb32-50000 table=$work/wide-100000.csv
/usr/bin/python3 "$here/make_workload_data.py" images "$images" 10000
/usr/bin/python3 "$here/make_workload_data.py" images "$eval_images" 50000
/usr/bin/python3 "$here/make_workload_data.py" table "$table" 100000
neurite() { "$build/neurite" "$@" --threads 2 --data-dir "$work/data-dir"; }

# The median samples/s of a `neurite train` run's epochs after the first, as one JSON line.
neurite_rate() {
  grep -oE '^Epoch [0-9]+/[0-9]+ .* [0-9,]+ samples/s' | sed -E 's/.* ([0-9,]+) samples\/s/\1/; s/,//g' |
    tail -n +2 | sort -n | awk -v name="$1" '{ r[NR] = $1 } END { printf "{\"name\": \"%s\", \"neurite\": %s}\n", name, r[int((NR + 1) / 2)] }'
}

for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  neurite train --data "$images" --epochs 3 --seed "$r" --out "$work/rgb.neurite" | neurite_rate cnn >>"$out"
  torch_python "$here/torch_workloads.py" --project "$work/rgb.neurite" --images "$images" --train-count 8000 \
    --epochs 3 --batch 32 --name cnn --json "$out" >/dev/null
  neurite train --data "$table" --batch 256 --epochs 3 --validation-split 0 --patience 0 --seed "$r" \
    --out "$work/table.neurite" | neurite_rate table >>"$out"
  torch_python "$here/torch_workloads.py" --project "$work/table.neurite" --table "$table" --train-count 80000 \
    --epochs 3 --batch 256 --name table --json "$out" >/dev/null
  neurite eval "$work/rgb.neurite" --data "$eval_images" --time 5 | grep -oE '\(([0-9,]+) samples/s' | tr -d '(,' |
    awk '{ printf "{\"name\": \"eval\", \"neurite\": %s}\n", $1 }' >>"$out"
  torch_python "$here/torch_workloads.py" --project "$work/rgb.neurite" --images "$images" --eval 10000 \
    --name eval --json "$out" >/dev/null
done
"$build/neurite" bench --json --threads 2 --mlp-only --samples 256 --repeats 1 >>"$out" # the machine's line

/usr/bin/python3 - "$out" "$here" <<'PY'
import json, statistics, sys
sys.path.insert(0, sys.argv[2])
from torch_reference import blas_line, fair, refusal
ours, theirs, libs, machine, version = {}, {}, set(), None, "?"
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "cpu" in d:
        machine = d
    elif "neurite" in d:
        ours.setdefault(d["name"], []).append(d["neurite"])
    else:
        theirs.setdefault(d["name"], []).append(statistics.median(d["rates"]))
        libs.update(d["libs"])
        version = d["torch"]
m = statistics.median
print(f"Machine: {machine['cpu']}, {machine['cores']} hardware threads")
print(f"Neurite build uses: {machine['simd']}; both sides at 2 threads")
print(blas_line(version, libs))
rows = [("cnn", "CNN, 32x32 RGB folder, batch 32", 3), ("table", "MLP, table 100k x 50, batch 256", 2),
        ("eval", "CNN eval, 10,000 images", 2)]
print(f"{'samples/s':34} {'Neurite':>10} {'PyTorch':>10} {'ratio':>7} {'target':>8}")
for key, title, target in rows:
    a, b = m(ours[key]), m(theirs[key])
    ratio = f"{a / b:6.2f}x" if fair(libs) else f"{'-':>7}"
    verdict = ("met" if a / b >= target else "NOT met") if fair(libs) else ""
    print(f"{title:34} {a:>10,.0f} {b:>10,.0f} {ratio} {'>= ' + str(target) + 'x':>8} {verdict}")
print(f"(medians of {len(ours['cnn'])} rounds; ratio > 1 means Neurite is faster)")
if not fair(libs):
    print(refusal(libs))
    sys.exit(2)
PY
