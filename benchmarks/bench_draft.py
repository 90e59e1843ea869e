"""Benchmark drafting against bare Jinja, and the CLI's start-up against importing Jinja.

Run from the repository root:  python benchmarks/bench_draft.py [--n 10000] [--runs 7]

1. ``askcraft.draft(intent, check=False)`` over N generated intents, against rendering the same
   template files with the same values in a plain ``jinja2.Environment`` (no sandbox, no pack
   selection, no context building, no tidying): the ratio is askcraft's overhead (target <= 5x).
2. ``python -m askcraft --help`` against ``python -c "import jinja2"``: median wall time of
   several runs each, and their ratio.
Both baselines are measured in the same run, so the ratios hold on any machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import askcraft  # noqa: E402
from askcraft._intent.model import CHANNELS, GOALS, KINDS, RELATIONSHIPS  # noqa: E402
from askcraft._render.context import build_context  # noqa: E402
from askcraft._render.words import FILTERS  # noqa: E402
from askcraft.packs import builtin_pack  # noqa: E402

TODAY = date(2026, 11, 12)
NOTE = "linkedin-connection-note"
FIRST = [
    "Sam",
    "Priya",
    "Zoë",
    "Jo-Anne",
    "Kofi",
    "María",
    "Liam",
    "Aoife",
    "Tomás",
    "Wei",
    "Nadia",
    "Oluwaseun",
]
LAST = ["Lee", "O'Brien", "Núñez", "Smith-Jones", "Mensah", "Kowalski", "Nakamura", "D'Souza", "Haddad"]
INDUSTRIES = ["banking", "insurance", "healthcare", "renewable energy", "game development", "aerospace"]
ROLES = ["data analyst", "engineer", "UX designer", "product manager", None]
COMPANIES = ["Acme", "Northwind Bank", "SunWorks", None]
REASONS = [
    "I want to put my maths degree to work in finance",
    "after ten years in teaching, I'd love to build learning software",
    "I've just finished a data bootcamp and want to use it",
]


def generate(n: int, seed: int = 2026) -> list[askcraft.Intent]:
    """Return n valid intents covering every kind, goal, channel and relationship."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind, goal = rng.choice(KINDS), rng.choice(GOALS)
        company = rng.choice(COMPANIES)
        data: dict[str, Any] = {
            "kind": kind,
            "goal": goal,
            # A connection note carries requests only.
            "channel": rng.choice([c for c in CHANNELS if kind == "request" or c != NOTE]),
            "industry": rng.choice(INDUSTRIES),
            "role": rng.choice(ROLES),
            "company": company,
            "count": rng.randint(1, 5),
            "recipient": {
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "relationship": rng.choice(RELATIONSHIPS),
                "company": "Acme",
            },
            "sender": {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "reason": rng.choice(REASONS)},
            "details": "look over my CV",
            "help": "introducing me to Priya",
            "outcome": rng.choice([None, "I have an interview on Monday"]),
            "gift": rng.choice([None, "some flowers"]),
            "sent_on": date(2026, 11, 2),
            "send_date": TODAY,
        }
        out.append(askcraft.Intent.parse({k: v for k, v in data.items() if v is not None}))
    return out


def bench_render(intents: list[askcraft.Intent]) -> dict[str, float]:
    """Time askcraft.draft against a bare Jinja render of the same templates and values."""
    pack = builtin_pack()
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(pack.root), undefined=jinja2.StrictUndefined)
    plain.filters.update(FILTERS)
    # The same template and values askcraft uses for each intent, prepared outside the timing.
    jobs = []
    for intent in intents:
        selection = pack.select(intent)
        assert selection is not None
        jobs.append((plain.get_template(selection.template), build_context(intent, today=TODAY)))

    warm = min(200, len(intents))
    for intent in intents[:warm]:
        askcraft.draft(intent, check=False, today=TODAY)
    for template, context in jobs[:warm]:
        template.render(context)

    start = time.perf_counter()
    for template, context in jobs:
        template.render(context)
    bare = time.perf_counter() - start

    start = time.perf_counter()
    for intent in intents:
        askcraft.draft(intent, check=False, today=TODAY)
    ours = time.perf_counter() - start
    return {
        "n": len(intents),
        "bare_jinja_s": bare,
        "askcraft_draft_s": ours,
        "bare_per_message_us": bare / len(intents) * 1e6,
        "askcraft_per_message_us": ours / len(intents) * 1e6,
        "ratio": ours / bare,
    }


def _wall(argv: list[str], runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_startup(runs: int) -> dict[str, float]:
    """Median wall time of `python -m askcraft --help` and of `python -c 'import jinja2'`."""
    _wall([sys.executable, "-m", "askcraft", "--help"], 1)  # warm the file cache and .pyc files
    help_s = _wall([sys.executable, "-m", "askcraft", "--help"], runs)
    jinja_s = _wall([sys.executable, "-c", "import jinja2"], runs)
    return {"runs": runs, "askcraft_help_s": help_s, "import_jinja2_s": jinja_s, "ratio": help_s / jinja_s}


def main() -> None:
    """Run both benchmarks and print the figures (and one JSON line for tools)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="intents to draft (default 10000)")
    parser.add_argument("--runs", type=int, default=7, help="runs per start-up timing (default 7)")
    args = parser.parse_args()

    render = bench_render(generate(args.n))
    print(
        f"draft(check=False) x {render['n']}: {render['askcraft_draft_s']:.2f} s "
        f"({render['askcraft_per_message_us']:.0f} us/message)"
    )
    print(
        f"bare jinja2 render x {render['n']}: {render['bare_jinja_s']:.2f} s "
        f"({render['bare_per_message_us']:.0f} us/message)"
    )
    print(f"overhead ratio: {render['ratio']:.2f}x (target <= 5x)")

    startup = bench_startup(args.runs)
    print(f"python -m askcraft --help: {startup['askcraft_help_s'] * 1000:.0f} ms (median of {args.runs})")
    print(f'python -c "import jinja2": {startup["import_jinja2_s"] * 1000:.0f} ms (median of {args.runs})')
    print(f"start-up ratio: {startup['ratio']:.2f}x")
    print(json.dumps({"render": render, "startup": startup}))


if __name__ == "__main__":
    main()
