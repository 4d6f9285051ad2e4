#!/usr/bin/env python3
"""How much would clang-format change? For every tracked *.cpp/*.h under engine ui app render fuzz tests,
counts the lines `clang-format FILE | diff FILE -` reports: removed (<) and added (>) lines.

usage: scripts/format_churn.py [--style=FILE] [--top=N]
  --style=FILE  use this style file instead of the checkout's .clang-format
  --top=N       list the N files that would change most (default 15)
Used to tune .clang-format so that it describes the code as written (see tests/style/check_format.sh).
"""
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

DIRS = ["engine", "ui", "app", "render", "fuzz", "tests"]


def main():
    options = dict(a.lstrip("-").split("=", 1) for a in sys.argv[1:] if "=" in a)
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    style = ["--style=file:" + os.path.abspath(options["style"])] if "style" in options else []
    top = int(options.get("top", 15))
    listed = subprocess.run(["git", "-C", root, "ls-files", "--", *DIRS], capture_output=True, text=True, check=True)
    files = [f for f in listed.stdout.split("\n") if f.endswith((".cpp", ".h")) and os.path.isfile(os.path.join(root, f))]

    def churn(path):
        run = subprocess.run(["clang-format", *style, path], cwd=root, capture_output=True)
        if run.returncode != 0:
            sys.exit(f"format_churn: clang-format failed on {path}:\n{run.stderr.decode('utf-8', 'replace')}")
        formatted = run.stdout
        diff = subprocess.run(["diff", path, "-"], cwd=root, input=formatted, capture_output=True).stdout
        lines = diff.decode("utf-8", "replace").splitlines()
        return path, sum(l.startswith("<") for l in lines), sum(l.startswith(">") for l in lines)

    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        results = list(pool.map(churn, files))
    removed = sum(r[1] for r in results)
    added = sum(r[2] for r in results)
    changed = sum(1 for r in results if r[1] or r[2])
    print(f"{removed} lines removed, {added} added ({removed + added} in all) in {changed} of {len(files)} files")
    for path, r, a in sorted(results, key=lambda r: -(r[1] + r[2]))[:top]:
        if r or a:
            print(f"{r:6d} {a:6d}  {path}")


if __name__ == "__main__":
    main()
