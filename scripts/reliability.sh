# The reliability modes of test.sh (sourced after setup.sh): the fuzz smoke test every default run ends
# with, `--fuzz [SECONDS]`, `--sanitize [asan|tsan]` and `--soak [MINUTES]`. Every step stops the script when it fails.

NEURITE_FUZZ_BUILD=$NEURITE_ROOT/build-fuzz
# Every fuzz/fuzz_<target>.cpp, so that a new target is built and run without being listed here.
mapfile -t NEURITE_FUZZ_TARGETS < <(find "$NEURITE_ROOT/fuzz" -maxdepth 1 -name 'fuzz_*.cpp' -printf '%f\n' |
  sed 's/^fuzz_//; s/\.cpp$//' | sort)

# Builds the libFuzzer targets with clang 14 in build-fuzz (engine, render and fuzz/ only: no designer,
# no tests) and writes their seed corpora. The build folder is kept between runs, so a warm build only
# recompiles what changed; ccache is used when installed (compiler_launcher, in setup.sh). Line tables
# (-gline-tables-only) are all the sanitizers' stack traces need and keep the build fast and small on a
# 2-core machine.
build_fuzzers() {
  local build=$NEURITE_FUZZ_BUILD launcher
  mapfile -t launcher < <(compiler_launcher)
  if [ ! -f "$build/build.ninja" ]; then
    log "Configuring the fuzz targets in $build (clang 14, ASan + UBSan + libFuzzer)"
    cmake -S "$NEURITE_ROOT" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
      -DNEURITE_BUILD_FUZZERS=ON -DNEURITE_BUILD_UI=OFF -DNEURITE_BUILD_TESTS=OFF >/dev/null ||
      { log "Configuring the fuzz targets in $build failed"; exit 1; }
  fi
  log "Building the fuzz targets (clang 14)"
  quiet_build "The fuzz targets' build (clang 14, $build)" cmake --build "$build" -j "$(nproc)" --target fuzzers
  "$build/fuzz/fuzz_seed_generator" "$build/seeds" "$NEURITE_ROOT/resources/templates" >/dev/null ||
    { log "Writing the fuzz seeds failed"; exit 1; }
  mkdir -p "$build/crashes" "$build/logs"
}

# Runs fuzz_TARGET for SECONDS on its corpus: build-fuzz/corpus/TARGET (new inputs are kept there), the
# generated seeds and the committed fuzz/corpus/TARGET (read, never written). Appends a line to
# $fuzz_summary. Returns 1 when the target crashed, leaked, timed out, ran out of memory or did not run at
# all (libFuzzer then exits non-zero; the input that did it lands in build-fuzz/crashes/).
run_fuzz_target() {
  local target=$1 seconds=$2 build=$NEURITE_FUZZ_BUILD
  local corpus=$build/corpus/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$build/seeds/$target" # targets with only committed seeds have no generated ones
  local dict=() extra=()
  [ -f "$NEURITE_ROOT/fuzz/$target.dict" ] && dict=(-dict="$NEURITE_ROOT/fuzz/$target.dict")
  [ -d "$NEURITE_ROOT/fuzz/corpus/$target" ] && extra=("$NEURITE_ROOT/fuzz/corpus/$target")
  # libFuzzer reads -max_total_time=0 as "no limit": 0 seconds replays the corpus once instead.
  local limit=(-max_total_time="$seconds") before status=0
  [ "$seconds" -eq 0 ] && limit=(-runs=0)
  before=$(find "$build/crashes" -name "$target-*" | wc -l)
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/fuzz_$target" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" "${dict[@]}" \
    "$corpus" "$build/seeds/$target" "${extra[@]}" >"$log" 2>&1 || status=$?
  local runs crashes
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  crashes=$(( $(find "$build/crashes" -name "$target-*" | wc -l) - before ))
  fuzz_summary+=$(printf '%-12s %12s executions  %d crash(es)  exit %d  corpus %d  log %s' "$target" \
    "${runs:-?}" "$crashes" "$status" "$(find "$corpus" -type f | wc -l)" "$log")$'\n'
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    log "fuzz_$target failed (exit status $status, $crashes new input(s) in $build/crashes); the end of $log:"
    tail -n 40 "$log" >&2
    return 1
  fi
}

# Builds the libFuzzer targets and runs each for SECONDS (default 60); the summary lists executions and
# crashes. Exits 1 when any target failed.
neurite_fuzz() {
  local seconds=${1:-60}
  [[ "$seconds" =~ ^[0-9]+$ ]] || { log "usage: ./test.sh --fuzz [SECONDS]"; exit 2; }
  install_missing_packages "${NEURITE_PACKAGES[@]}"
  build_fuzzers
  local target failed=0
  fuzz_summary=""
  for target in "${NEURITE_FUZZ_TARGETS[@]}"; do
    log "Fuzzing $target for ${seconds} s"
    run_fuzz_target "$target" "$seconds" || failed=1
  done
  printf '\nFuzzing summary (%s s per target):\n%s' "$seconds" "$fuzz_summary"
  if [ "$failed" -ne 0 ]; then
    log "Crashing inputs are in $NEURITE_FUZZ_BUILD/crashes: add each to tests/engine/io/tst_fuzzregressions.cpp"
    exit 1
  fi
}

# The default run's last step: the fuzz targets must build with clang 14 (which rejects some C++ that g++
# accepts) and survive NEURITE_FUZZ_SMOKE_SECONDS (default 3) each on their corpus. Stops at the first
# failure, naming the target and showing its log.
neurite_fuzz_smoke() {
  local seconds=${NEURITE_FUZZ_SMOKE_SECONDS:-3}
  [[ "$seconds" =~ ^[0-9]+$ ]] || { log "NEURITE_FUZZ_SMOKE_SECONDS must be a number of seconds"; exit 2; }
  build_fuzzers
  local target
  fuzz_summary=""
  log "Fuzz smoke test: ${#NEURITE_FUZZ_TARGETS[@]} targets, ${seconds} s each"
  for target in "${NEURITE_FUZZ_TARGETS[@]}"; do
    if ! run_fuzz_target "$target" "$seconds"; then
      log "Fuzz smoke test failed: fuzz_$target (reproduce: ./test.sh --fuzz $seconds)"
      exit 1
    fi
  done
  printf '\nFuzz smoke test (%s s per target):\n%s' "$seconds" "$fuzz_summary"
}

# Builds and runs the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan,
# build-asan) and/or ThreadSanitizer (preset tsan, build-tsan): `--sanitize [asan|tsan] [CTEST ARGS...]`,
# both when no preset is named. Sanitizer builds are heavy (the presets keep debug info to line tables,
# -g1), so they run under `nice` with one compile job per two cores (NEURITE_SANITIZE_JOBS overrides),
# leaving the machine usable. Exits 1 when any run fails.
neurite_sanitize() {
  local presets=(asan tsan)
  case "${1:-}" in
    asan | tsan) presets=("$1"); shift ;;
    -*|"") ;;
    *) log "usage: ./test.sh --sanitize [asan|tsan] [ctest arguments]"; exit 2 ;;
  esac
  # No Release build: the sanitizer build's own executable finds or prepares the mnist-10k data below, which
  # halves a first run on a fresh checkout.
  install_missing_packages "${NEURITE_PACKAGES[@]}"
  local jobs=${NEURITE_SANITIZE_JOBS:-$(( ($(nproc) + 1) / 2 ))}
  local preset failed=0 results=""
  for preset in "${presets[@]}"; do
    local build=$NEURITE_ROOT/build-$preset
    [ -f "$build/build.ninja" ] || (cd "$NEURITE_ROOT" && cmake --preset "$preset" >/dev/null) ||
      { log "Configuring $build failed"; exit 1; }
    log "Building the $preset configuration in $build (nice, $jobs jobs; the first build takes long)"
    quiet_build "The $preset build ($build)" nice -n 10 cmake --build "$build" -j "$jobs"
    # Only the data step: the suite below checks this executable with leak and race reports on.
    ASAN_OPTIONS=detect_leaks=0 TSAN_OPTIONS=report_bugs=0 NEURITE_BUILD=$build prepare_default_data
    log "Running the test suite under $preset"
    if (cd "$build" && \
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS="suppressions=$NEURITE_ROOT/tests/lsan.supp:print_suppressions=0" \
        TSAN_OPTIONS="suppressions=$NEURITE_ROOT/tests/tsan.supp:halt_on_error=0:second_deadlock_stack=1:die_after_fork=0" \
        nice -n 10 ctest --output-on-failure -j "$jobs" "$@"); then
      results+="$preset: all tests passed"$'\n'
    else
      results+="$preset: FAILURES (see above)"$'\n'
      failed=1
    fi
  done
  printf '\nSanitizer summary:\n%s' "$results"
  [ "$failed" -eq 0 ] || exit 1
}

# Trains in the designer's real window for MINUTES (default 30) with a seeded random user (Pause / Resume,
# learning rates, tab switches, drawing in Predict), then checks that resident memory stopped growing, that the
# event loop never stalled over 100 ms and that the history is complete, and prints the figures
# (tests/app/tst_designersoak.cpp; NEURITE_SOAK_SEED picks another user). The test runs at the priority this
# script has: under `nice` or beside other work its wall-clock gaps include the time the scheduler gave the
# cores to others, which it reports apart (and does not hold against the program).
neurite_soak() {
  local minutes=${1:-30}
  [[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]] && [ "$minutes" != 0 ] || { log "usage: ./test.sh --soak [MINUTES]"; exit 2; }
  neurite_setup  # the Release build (the soak test is built with everything) and mnist-10k
  log "Soak: training in the window for $minutes minutes"
  local timeout
  timeout=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 600 }')
  (cd "$NEURITE_BUILD" && NEURITE_SOAK_MINUTES=$minutes \
    ctest -C Soak -L soak --timeout "$timeout" -V) || { log "The soak test failed"; exit 1; }
}
