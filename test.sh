#!/usr/bin/env bash
# Sets Neurite up exactly like run.sh, then runs the whole test suite with CTest.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
neurite_setup
cd "$NEURITE_BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
