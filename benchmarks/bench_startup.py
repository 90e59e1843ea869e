"""Benchmark start-up: `import askcraft`, `askcraft --help` and a one-off `askcraft check`.

Run from the repository root:  python benchmarks/bench_startup.py [--runs 15] [--tree OTHER_CHECKOUT ...]

Each command runs in a fresh interpreter, in alternating rounds with the baseline
``python -c pass`` (so a busy machine slows both alike); the figures are medians and their
ratio to the baseline. ``--tree`` adds another checkout (say, the commit before a change),
measured in the same rounds: Python imports ``askcraft`` from the working folder first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT = "Hi Sam, do you know two people in banking I could call? No worries if not. Thanks, Alex"


def commands(note: Path) -> dict[str, list[str]]:
    """Return the timed commands, by name."""
    py = sys.executable
    return {
        "import askcraft": [py, "-c", "import askcraft"],
        "askcraft --help": [py, "-m", "askcraft", "--help"],
        "askcraft check --no-grammar": [py, "-m", "askcraft", "check", str(note), "--no-grammar"],
    }


def wall(cmd: list[str], cwd: Path) -> float:
    """Return the wall time of one run of *cmd* in *cwd*."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="alternating rounds (default 15)")
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure too")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    trees = [REPO, *(Path(t).resolve() for t in args.tree)]
    with tempfile.TemporaryDirectory() as tmp:
        note = Path(tmp) / "note.txt"
        note.write_text(TEXT + "\n", encoding="utf-8")
        cmds = commands(note)
        baseline: list[float] = []
        times: dict[tuple[str, str], list[float]] = {(str(t), n): [] for t in trees for n in cmds}
        for tree in trees:  # warm the file cache and the .pyc files once
            for cmd in cmds.values():
                wall(cmd, tree)
        for _ in range(args.runs):
            baseline.append(wall([sys.executable, "-c", "pass"], REPO))
            for tree in trees:
                for name, cmd in cmds.items():
                    times[(str(tree), name)].append(wall(cmd, tree))
    base = statistics.median(baseline)
    rows = []
    for (tree, name), values in times.items():
        median = statistics.median(values)
        rows.append({"tree": tree, "command": name, "median_s": median, "ratio": median / base})
    if args.json:
        print(json.dumps({"python_c_pass_s": base, "rows": rows}, indent=2))
        return
    print(f"python -c pass: {base * 1000:.0f} ms (median of {args.runs})")
    for row in rows:
        ms = row["median_s"] * 1000
        print(f"{row['tree']:<40} {row['command']:<30} {ms:6.0f} ms  {row['ratio']:5.2f}x")


if __name__ == "__main__":
    main()
