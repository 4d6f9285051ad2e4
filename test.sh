#!/usr/bin/env bash
# Sets Neurite up exactly like run.sh, runs the whole test suite with CTest, then the fuzz smoke test: the
# libFuzzer targets built with clang 14 (build-fuzz, kept between runs) and run for a few seconds each
# (NEURITE_FUZZ_SMOKE_SECONDS, default 3; 0 only replays each corpus once). Stops at the first
# failed step. Arguments are passed to ctest; a run filtered that way (./test.sh -R idx) skips the smoke test.
#   ./test.sh --fuzz [SECONDS]  builds the libFuzzer targets (clang) and runs each for SECONDS (default 60)
#   ./test.sh --sanitize [asan|tsan]  runs the whole suite under ASan + UBSan and/or TSan (default both)
#   ./test.sh --soak [MINUTES]  trains in the real window for MINUTES (default 30) with a random user, and checks
#                               memory growth, event-loop stalls and the history (tests/app/tst_designersoak.cpp)
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
source "$NEURITE_ROOT/scripts/reliability.sh"
case "${1:-}" in
  --fuzz | --sanitize | --soak)
    mode=${1#--}
    shift
    "neurite_$mode" "$@"
    exit 0
    ;;
esac
neurite_setup
(cd "$NEURITE_BUILD" && ctest --output-on-failure -j "$(nproc)" "$@") || { log "The test suite failed"; exit 1; }
if [ $# -eq 0 ]; then
  neurite_fuzz_smoke
else
  log "Skipping the fuzz smoke test (ctest arguments given)"
fi
