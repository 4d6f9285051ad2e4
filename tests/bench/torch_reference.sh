# Sourced by the scripts that compare Neurite with PyTorch (compare_torch.sh, compare_torch_workloads.sh):
# makes sure PyTorch can run at its best, defines torch_python to run a script the way it is at its best,
# and warns when other work on the machine makes the comparison unfair. Expects $here (tests/bench) and
# $build (the build folder holding neurite).

# PyTorch at its best needs OpenBLAS built with OpenMP (it shares PyTorch's thread pool); without it
# Debian's PyTorch falls back to the reference BLAS. Install what is missing as ./test.sh would, or stop.
source "$here/../../scripts/setup.sh"
install_missing_packages python3-torch libopenblas0-openmp dataset-fashion-mnist
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
if [ ! -f "$openblas/libblas.so.3" ]; then
  log "$(basename "$0"): $openblas/libblas.so.3 is missing although libopenblas0-openmp is installed; stopping."
  exit 1
fi
[ -x "$build/neurite" ] || { log "$(basename "$0"): no $build/neurite; run ./test.sh first."; exit 1; }

# Debian's Python, OpenBLAS sharing PyTorch's OpenMP pool, no core-type override.
torch_python() {
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE LD_LIBRARY_PATH=$openblas /usr/bin/python3 "$@"
}

# Other work on the machine slows both sides, and PyTorch's spinning OpenMP threads far more than Neurite.
load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
  log "$(basename "$0"): load average $load on $(nproc) cores: other work is running, the figures will not be fair."
fi
