#!/usr/bin/env bash
# Builds Neurite's Debian package and checks that it installs and runs on a fresh Debian 12: a portable
# Release build (no -march=native, no tests) in build-package/, the mnist-10k data set bundled, `cpack -G DEB`,
# then in a copy of a minimal Debian 12 root (debootstrap, kept in BASE for the next run):
# `apt-get install --no-install-recommends ./neurite_*.deb`, the version, the command line's help, one epoch
# of training on the bundled data set with an empty home, and the designer starting (offscreen). Needs root
# and the network, so ./test.sh does not run it.
#   scripts/check-deb.sh [--deb FILE] [BASE]
# BASE defaults to /tmp/deb-root; --deb checks a package built elsewhere instead of building one.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
deb=""
if [ "${1:-}" = --deb ]; then
  deb=$(realpath "$2")
  shift 2
fi
base=${1:-/tmp/deb-root}
package_build=${NEURITE_PACKAGE_BUILD:-$NEURITE_ROOT/build-package}
[ "$(id -u)" -eq 0 ] || { log "check-deb.sh needs root (debootstrap, chroot)"; exit 1; }
install_missing_packages "${NEURITE_PACKAGES[@]}" debootstrap

# The package build is its own developer build: it prepares mnist-10k if needed, then carries it.
build_package() {
  NEURITE_BUILD=$package_build
  build_release -DNEURITE_NATIVE=OFF -DNEURITE_BUILD_TESTS=OFF
  prepare_default_data
  local mnist
  mnist=$("$package_build/neurite" data path mnist-10k)
  cmake "$package_build" -DNEURITE_BUNDLED_MNIST10K="$mnist" >/dev/null
  rm -f "$package_build"/neurite_*.deb
  (cd "$package_build" && cpack -G DEB >/dev/null)
  deb=$(ls "$package_build"/neurite_*.deb)
  log "Built $deb ($(du -h "$deb" | cut -f1))"
}
[ -n "$deb" ] || build_package
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends

if [ ! -x "$base/usr/bin/apt-get" ]; then
  log "Making a minimal Debian 12 root in $base (debootstrap)"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$base" http://deb.debian.org/debian >/dev/null
fi
# Every check starts from the untouched root, so the package is always installed on a fresh system.
root=$(mktemp -d /tmp/neurite-deb-check.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/home/fresh "$@"; }

# Without Recommends: the computed Depends line alone must be enough.
log "apt-get install --no-install-recommends ./$(basename "$deb") in a fresh Debian 12 root"
in_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "/tmp/$(basename "$deb")" >"$root/tmp/apt.log" 2>&1 || { cat "$root/tmp/apt.log"; exit 1; }
grep -E '^(Setting up neurite|[0-9]+ upgraded)' "$root/tmp/apt.log"
mkdir -p "$root/home/fresh"

# Runs a command in the root as a user with an empty home, showing it and the first LINES lines it prints.
step() {
  local lines=$1
  shift
  printf '\n$ %s\n' "$*"
  in_root "$@" >"$root/tmp/step.log" 2>&1 || { cat "$root/tmp/step.log"; return 1; }
  head -n "$lines" "$root/tmp/step.log"
}
step 1 neurite --version
step 3 neurite --help
step 3 neurite data list
step 10 neurite train --preset mlp --epochs 1 --out /home/fresh/mlp.neurite
step 1 neurite eval /home/fresh/mlp.neurite
# The designer: it must start and keep running (timeout ends it: status 124).
status=0
in_root env QT_QPA_PLATFORM=offscreen timeout 10 neurite >"$root/tmp/gui.log" 2>&1 || status=$?
printf '\n$ QT_QPA_PLATFORM=offscreen timeout 10 neurite\n(exit %s: still running after 10 s)\n' "$status"
[ "$status" -eq 124 ] || { cat "$root/tmp/gui.log"; log "The designer did not start"; exit 1; }
log "The package installs and runs on a fresh Debian 12"
