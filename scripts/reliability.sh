# The reliability modes of test.sh (sourced after setup.sh): `--fuzz [SECONDS]` and `--sanitize [asan|tsan]`.
# Their extra Debian packages are installed only when one of these modes runs.

NEURITE_RELIABILITY_PACKAGES=(clang libclang-rt-14-dev)
NEURITE_FUZZ_TARGETS=(idx projectfile designjson preprocess table planepoints imagefolder onnximport)

# Builds the libFuzzer targets with clang (build-fuzz), seeds their corpora from valid files and runs each
# for SECONDS (default 60). New interesting inputs are kept in build-fuzz/corpus/<target>; crashing inputs
# land in build-fuzz/crashes/. Exits 1 when any target found a crash.
neurite_fuzz() {
  local seconds=${1:-60}
  [[ "$seconds" =~ ^[0-9]+$ ]] || { log "usage: ./test.sh --fuzz [SECONDS]"; exit 2; }
  install_missing_packages "${NEURITE_PACKAGES[@]}" "${NEURITE_RELIABILITY_PACKAGES[@]}"
  local build=$NEURITE_ROOT/build-fuzz
  if [ ! -f "$build/build.ninja" ]; then
    log "Configuring the fuzz targets in $build (clang, ASan + UBSan + libFuzzer)"
    cmake -S "$NEURITE_ROOT" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DNEURITE_BUILD_FUZZERS=ON -DNEURITE_BUILD_TESTS=OFF >/dev/null
  fi
  log "Building the fuzz targets"
  cmake --build "$build" -j "$(nproc)" --target fuzzers | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || { log "Fuzz build failed"; exit 1; }
  "$build/fuzz/fuzz_seed_generator" "$build/seeds" "$NEURITE_ROOT/resources/templates" >/dev/null
  mkdir -p "$build/crashes" "$build/logs"

  local target failed=0 summary=""
  for target in "${NEURITE_FUZZ_TARGETS[@]}"; do
    local corpus=$build/corpus/$target log=$build/logs/$target.log
    mkdir -p "$corpus" "$build/seeds/$target" # targets with only committed seeds have no generated ones
    local dict=() extra=()
    [ -f "$NEURITE_ROOT/fuzz/$target.dict" ] && dict=(-dict="$NEURITE_ROOT/fuzz/$target.dict")
    # Committed inputs (past crashes, hand-made seeds) are read too, never written.
    [ -d "$NEURITE_ROOT/fuzz/corpus/$target" ] && extra=("$NEURITE_ROOT/fuzz/corpus/$target")
    log "Fuzzing $target for ${seconds} s"
    local before
    before=$(find "$build/crashes" -name "$target-*" | wc -l)
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/$target-" "${dict[@]}" \
      "$corpus" "$build/seeds/$target" "${extra[@]}" >"$log" 2>&1 || true
    local runs crashes
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    crashes=$(( $(find "$build/crashes" -name "$target-*" | wc -l) - before ))
    [ "$crashes" -gt 0 ] && failed=1
    summary+=$(printf '%-12s %12s executions  %d crash(es)  corpus %d  log %s' "$target" "${runs:-?}" "$crashes" \
      "$(find "$corpus" -type f | wc -l)" "$log")$'\n'
  done
  printf '\nFuzzing summary (%s s per target):\n%s' "$seconds" "$summary"
  if [ "$failed" -ne 0 ]; then
    log "Crashing inputs are in $build/crashes: add each to tests/engine/io/tst_fuzzregressions.cpp"
    exit 1
  fi
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
  install_missing_packages "${NEURITE_PACKAGES[@]}" "${NEURITE_RELIABILITY_PACKAGES[@]}"
  neurite_setup  # the Release build and the mnist-10k data the tests use
  local jobs=${NEURITE_SANITIZE_JOBS:-$(( ($(nproc) + 1) / 2 ))}
  local preset failed=0 results=""
  for preset in "${presets[@]}"; do
    local build=$NEURITE_ROOT/build-$preset
    [ -f "$build/build.ninja" ] || (cd "$NEURITE_ROOT" && cmake --preset "$preset" >/dev/null)
    log "Building the $preset configuration in $build (nice, $jobs jobs; the first build takes long)"
    nice -n 10 cmake --build "$build" -j "$jobs" | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || { log "$preset build failed"; exit 1; }
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
