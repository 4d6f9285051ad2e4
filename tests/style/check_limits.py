#!/usr/bin/env python3
"""Code-size limits for the product code (engine/, ui/, app/, render/; tests are not checked).

Fails (exit 1) when a C++ source or header is over MAX_FILE_LINES lines, or when a function
definition is over MAX_FUNCTION_LINES lines. A function's length runs from the line holding its
name to the line of its closing brace, as Universal Ctags (universal-ctags, /usr/bin/ctags)
reports them; functions defined inside class bodies count too, lambdas count towards the function
that holds them.

usage: check_limits.py [SOURCE_DIR]   (default: the checkout this script lives in)
Exit status: 0 within the limits, 1 on violations, 2 when the check itself cannot run.
"""
import os
import shutil
import subprocess
import sys

MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 60
CHECKED_DIRS = ("engine", "ui", "app", "render")
EXTENSIONS = (".cpp", ".h")

# Functions that are data tables (one entry per line, no logic) may be longer. Each entry is
# "path::qualified name" as printed in a violation, with a comment saying why it is a table.
TABLE_FUNCTIONS = {
    # (none yet)
}


def die(message):
    print("check_limits: " + message, file=sys.stderr)
    sys.exit(2)


def source_files(root):
    """The tracked C++ files under CHECKED_DIRS (every such file when `root` is not a git checkout)."""
    if shutil.which("git"):
        listed = subprocess.run(["git", "-C", root, "ls-files", "--", *CHECKED_DIRS],
                                capture_output=True, text=True)
        tracked = sorted(f for f in listed.stdout.splitlines()
                         if f.endswith(EXTENSIONS) and os.path.isfile(os.path.join(root, f)))
        if listed.returncode == 0 and tracked:
            return tracked
    found = []
    for top in CHECKED_DIRS:
        for folder, _, names in os.walk(os.path.join(root, top)):
            found += [os.path.relpath(os.path.join(folder, n), root) for n in names if n.endswith(EXTENSIONS)]
    return sorted(found)


def functions(root, files):
    """(path, line, end, qualified name) of every function definition ctags finds in `files`."""
    # CTAGS names the binary (CTest passes the one CMake found); Debian also installs it as ctags-universal.
    ctags = os.environ.get("CTAGS") or shutil.which("ctags-universal") or shutil.which("ctags")
    if not ctags or not shutil.which(ctags):
        die("ctags not found; install Universal Ctags (apt-get install universal-ctags)")
    version = subprocess.run([ctags, "--version"], capture_output=True, text=True).stdout
    if "Universal Ctags" not in version:
        die("ctags is not Universal Ctags (Exuberant Ctags reports no end lines); "
            "install universal-ctags")
    result = subprocess.run(
        [ctags, "-x", "--_xformat=%F\t%n\t%{end}\t%{scope}\t%N", "--languages=C++", "--kinds-c++=f",
         "-L", "-"],
        cwd=root, input="\n".join(files), capture_output=True, text=True)
    if result.returncode != 0:
        die("ctags failed:\n" + result.stderr)
    found = []
    for row in result.stdout.splitlines():
        path, line, end, scope, name = row.split("\t")
        if not end.isdigit():
            continue  # no end line: not a definition ctags could follow
        qualified = scope + "::" + name if scope and scope != "-" else name
        # Anonymous namespaces come out as __anon<hash>; print them the way the code reads.
        qualified = "::".join("(anonymous)" if part.startswith("__anon") else part
                              for part in qualified.split("::"))
        found.append((path, int(line), int(end), qualified))
    return found


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    files = source_files(root)
    if not files:
        die(f"no C++ files under {', '.join(CHECKED_DIRS)} in {root}")
    violations = []
    for path in files:
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            count = sum(1 for _ in f)
        if count > MAX_FILE_LINES:
            violations.append((path, 1, f"file is {count} lines (limit {MAX_FILE_LINES})"))
    used_exemptions = set()
    for path, line, end, name in functions(root, files):
        length = end - line + 1
        if length <= MAX_FUNCTION_LINES:
            continue
        key = f"{path}::{name}"
        if key in TABLE_FUNCTIONS:
            used_exemptions.add(key)
            continue
        violations.append((path, line, f"function {name} is {length} lines (limit {MAX_FUNCTION_LINES})"))
    for key in sorted(set(TABLE_FUNCTIONS) - used_exemptions):
        print(f"check_limits: note: the exemption {key} is no longer needed (or the function moved)")
    for path, line, message in sorted(violations):
        print(f"{path}:{line}: {message}")
    if violations:
        print(f"check_limits: {len(violations)} violation(s) in {len({v[0] for v in violations})} file(s); "
              f"split the file or function (limits: {MAX_FILE_LINES} lines a file, "
              f"{MAX_FUNCTION_LINES} a function)")
        return 1
    print(f"check_limits: {len(files)} files within the limits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
