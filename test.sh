#!/usr/bin/env bash
# Sets Neurite up exactly like run.sh, then runs the whole test suite with CTest.
#   ./test.sh --fuzz [SECONDS]  builds the libFuzzer targets (clang) and runs each for SECONDS (default 60)
#   ./test.sh --sanitize [asan|tsan]  runs the whole suite under ASan + UBSan and/or TSan (default both)
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
case "${1:-}" in
  --fuzz | --sanitize)
    mode=${1#--}
    shift
    source "$NEURITE_ROOT/scripts/reliability.sh"
    "neurite_$mode" "$@"
    exit 0
    ;;
esac
neurite_setup
cd "$NEURITE_BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
