#!/usr/bin/env bash
# Loads a 1,000,000-row, 20-column numeric CSV (about 170 MB) with Neurite and with pandas.read_csv side by
# side, in alternating rounds on the same machine, and prints the median seconds of each and the ratio.
# Neurite's time is the whole `neurite data info FILE --target c19` process: reading and checking the file,
# inferring the roles, splitting, the training split's statistics, encoding every row and printing the
# report. pandas' time is read_csv alone, inside an interpreter already running. The file is written once
# (python3-pandas, a few minutes) and kept in BUILD_DIR/bench-data; it is read once before timing so that
# both sides read it from the page cache.
# Usage: tests/bench/compare_pandas.sh [ROUNDS] [BUILD_DIR]     (needs python3-pandas; ./test.sh installs it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}
build=$(cd "${2:-$here/../../build}" && pwd)
data=$build/bench-data/numeric-1000000x20.csv

if [ ! -f "$data" ]; then
  mkdir -p "$(dirname "$data")"
  echo "writing $data (once)" >&2
  /usr/bin/python3 - "$data.tmp" <<'PY'
import sys
import numpy as np, pandas as pd
rng = np.random.default_rng(1)
# Twenty columns of different magnitudes, six significant digits, as a measurement export would have them.
values = rng.standard_normal((1_000_000, 20)) * [10.0 ** (i % 5) for i in range(20)]
pd.DataFrame(values, columns=[f"c{i}" for i in range(20)]).to_csv(sys.argv[1], index=False, float_format="%.6g")
PY
  mv "$data.tmp" "$data"
fi
cat "$data" >/dev/null

/usr/bin/python3 - "$data" "$build/neurite" "$rounds" <<'PY'
import os, resource, statistics, subprocess, sys, time
import pandas as pd
data, neurite, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
# The reference at its best: pandas' default C parser (pyarrow, which could use more threads, is not part
# of Debian's python3-pandas); say which is in use.
try:
    import pyarrow  # noqa: F401
    arrow = "installed, not used (read_csv's default engine is the C parser)"
except ImportError:
    arrow = "not installed"
print(f"pandas {pd.__version__}, read_csv engine 'c' (its default, one thread); pyarrow {arrow}")
print(f"Neurite: {neurite} on {os.cpu_count()} cores; file: {data} ({os.path.getsize(data) / 1e6:.0f} MB)")
def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

# Wall-clock seconds decide; CPU seconds (user + system) are printed too, as a machine shared with other
# work stretches wall time.
ours, theirs, ours_cpu, theirs_cpu = [], [], [], []
for r in range(rounds):
    start, cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(data, engine="c")
    theirs.append(time.perf_counter() - start)
    theirs_cpu.append(time.process_time() - cpu)
    assert frame.shape == (1_000_000, 20), frame.shape
    del frame
    start, cpu = time.perf_counter(), child_cpu()
    run = subprocess.run([neurite, "data", "info", data, "--target", "c19"], capture_output=True, text=True)
    ours.append(time.perf_counter() - start)
    ours_cpu.append(child_cpu() - cpu)
    if run.returncode != 0 or "800,000 training rows, 200,000 test rows" not in run.stdout:
        sys.exit("neurite failed: " + run.stderr + run.stdout)
    print(f"round {r + 1}/{rounds}: neurite {ours[-1]:.2f} s ({ours_cpu[-1]:.2f} s CPU), pandas {theirs[-1]:.2f} s "
          f"({theirs_cpu[-1]:.2f} s CPU)", file=sys.stderr)
m = statistics.median
print(f"{'1,000,000 x 20 numeric CSV':30} {'Neurite':>10} {'pandas':>10} {'ratio':>8}")
print(f"{'load, wall s (median of %d)' % rounds:30} {m(ours):10.2f} {m(theirs):10.2f} {m(ours) / m(theirs):7.2f}x")
print(f"{'load, CPU s (median of %d)' % rounds:30} {m(ours_cpu):10.2f} {m(theirs_cpu):10.2f} "
      f"{m(ours_cpu) / m(theirs_cpu):7.2f}x")
print(f"(machine load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
print("(ratio = Neurite / pandas: below 1 means Neurite loads faster; the goal is at most 2)")
PY
