#!/usr/bin/env bash
# Peak resident memory: `neurite train` on a folder of 50,000 RGB 32x32 PNGs (10 classes, written once by
# make_workload_data.py; the design chosen for the data, one epoch), first with an empty data directory
# (every image decoded, then cached) and again from the cache; then the designer at rest: the main window
# as on a first start (fresh settings, the usual data directory), 10 seconds after start, its resident and
# peak resident memory. Targets: training under 400 MB, the window at rest under 150 MB. The window runs on
# $DISPLAY when an X server answers there, else on Qt's offscreen platform.
# Usage: tests/bench/memory.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
work=${NEURITE_BENCH_WORK:-/tmp/neurite-bench}
folder=$work/rgb32-50000
mkdir -p "$work"
/usr/bin/python3 "$here/make_workload_data.py" images "$folder" 50000

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t ? "met" : "NOT met") }'; }
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) hardware threads"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
for load in "first load" "cached"; do
  report=$(mktemp)
  /usr/bin/time -v "$build/neurite" train --data "$folder" --epochs 1 --data-dir "$cache" >/dev/null 2>"$report"
  mb=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$report")
  seconds=$(awk '/Elapsed \(wall clock\)/ { print $NF }' "$report")
  rm -f "$report"
  printf 'train, 50,000 RGB 32x32 PNGs, %-10s peak resident %4d MB (target < 400 MB: %s), %s wall\n' \
    "$load:" "$mb" "$(verdict "$mb" 400)" "$seconds"
done

if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then platform=xcb; else platform=offscreen; fi
XDG_CONFIG_HOME=$cache/config QT_QPA_PLATFORM=$platform "$build/neurite" >/dev/null 2>&1 &
pid=$!
sleep 10
rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
kill "$pid"
wait "$pid" 2>/dev/null || true
printf 'designer at rest (%s, 10 s after start): resident %d MB, peak %d MB (target < 150 MB: %s)\n' \
  "$platform" "$rss" "$hwm" "$(verdict "$hwm" 150)"
