#!/usr/bin/env bash
# Fails when a C++ file under engine ui app render fuzz tests is not formatted as .clang-format says.
#   usage: check_format.sh [SOURCE_DIR]   (default: the checkout this script lives in)
#   CLANG_FORMAT=/path/to/clang-format picks the binary (CTest passes the one CMake found).
# The style is tuned for Debian 12's clang-format 14; other versions may format a few constructs differently.
# Exit status: 0 all formatted, 1 some files are not, 2 the check cannot run.
set -uo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
clang_format=${CLANG_FORMAT:-clang-format}
dirs=(engine ui app render fuzz tests)

if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check_format: $clang_format not found; install it (apt-get install clang-format)" >&2
  exit 2
fi
cd "$root" || { echo "check_format: no such folder $root" >&2; exit 2; }
if [ ! -f .clang-format ]; then
  echo "check_format: $root has no .clang-format" >&2
  exit 2
fi
if ! problem=$("$clang_format" --style=file --dump-config 2>&1 >/dev/null) || [ -n "$problem" ]; then
  echo "check_format: $clang_format cannot use $root/.clang-format: $problem" >&2
  exit 2
fi

# Tracked files in a git checkout (so build folders and scratch files do not count), else every file.
files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- "${dirs[@]}" | grep -E '\.(cpp|h)$')
fi
if [ ${#files[@]} -eq 0 ]; then
  existing=()
  for d in "${dirs[@]}"; do [ -d "$d" ] && existing+=("$d"); done
  [ ${#existing[@]} -gt 0 ] && mapfile -t files < <(find "${existing[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "check_format: no C++ files under ${dirs[*]} in $root" >&2
  exit 2
fi

unformatted=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue  # tracked but deleted in the work tree
  if ! output=$("$clang_format" --dry-run -Werror "$f" 2>&1); then
    if [[ $output != *clang-format-violations* ]]; then
      echo "check_format: $clang_format failed on $f: $output" >&2
      exit 2
    fi
    unformatted+=("$f")
  fi
done

if [ ${#unformatted[@]} -gt 0 ]; then
  for f in "${unformatted[@]}"; do
    echo "$f: not formatted; run: clang-format -i $f"
  done
  echo "check_format: ${#unformatted[@]} of ${#files[@]} files in $root need formatting ($("$clang_format" --version | head -n1))."
  echo "To format them all: git ls-files -- ${dirs[*]} | grep -E '\\.(cpp|h)\$' | xargs clang-format -i"
  exit 1
fi
echo "check_format: ${#files[@]} files formatted as .clang-format says"
