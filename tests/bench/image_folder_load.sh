#!/usr/bin/env bash
# Loads a folder of 5,000 PNG files (10 classes of 500 Fashion-MNIST images, each tinted in a random colour
# that says nothing of its class and scaled to 64x64 RGB, written once by python3-opencv into
# BUILD_DIR/bench-data) with `neurite data info DIR`: first
# with an empty data directory (every image decoded, then cached), then again (read from the cache). Each
# round uses a fresh data directory for the first load. Prints the load report's times (the load alone,
# as the report measures it) and the whole process's wall-clock seconds.
# Usage: tests/bench/image_folder_load.sh [ROUNDS] [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}
build=$(cd "${2:-$here/../../build}" && pwd)
folder=$build/bench-data/fashion-png-5000-v2

if [ ! -d "$folder" ]; then
  echo "writing $folder (once)" >&2
  /usr/bin/python3 - "$folder.tmp" <<'PY'
import gzip, os, sys
import numpy as np, cv2
root = sys.argv[1]
with gzip.open("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") as f:
    images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
with gzip.open("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz") as f:
    labels = np.frombuffer(f.read(), np.uint8, offset=8)
names = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
rng = np.random.default_rng(1)
for c, name in enumerate(names):
    os.makedirs(os.path.join(root, name))
    for k, i in enumerate(np.flatnonzero(labels == c)[:500]):
        tint = rng.uniform(0.3, 1.0, 3).astype(np.float32)
        big = cv2.resize(images[i], (64, 64), interpolation=cv2.INTER_LINEAR).astype(np.float32)
        bgr = (big[..., None] * tint[::-1]).astype(np.uint8)
        cv2.imwrite(os.path.join(root, name, f"{k:04d}.png"), bgr)
PY
  mv "$folder.tmp" "$folder"
fi
binary=$build/neurite
echo "$(find "$folder" -name '*.png' | wc -l) PNG files, $(du -sh "$folder" | cut -f1) in $folder; $(nproc) cores"
for round in $(seq "$rounds"); do
  cache=$(mktemp -d)
  for load in first cached; do
    start=$(date +%s.%N)
    line=$(NEURITE_DATA_DIR=$cache "$binary" data info "$folder" | grep -E '^(Decoded|Read) ' |
      sed -E 's/, cached in .*//; s/ from the cache [^ ]*//')
    end=$(date +%s.%N)
    printf 'round %d %-6s load: %s (process %s s)\n' "$round" "$load" "$line" \
      "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')"
  done
  rm -rf "$cache"
done
