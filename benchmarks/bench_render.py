"""Benchmark what the render limits and the render worker cost a draft.

Run from the repository root:
    python benchmarks/bench_render.py [--n 2000] [--rounds 5] [--tree OTHER_CHECKOUT ...]

1. Built-in drafts (``askcraft.draft(intent, check=False)``) in each checkout, against a bare
   Jinja render of the same templates and values in the same process: the ratio cancels a busy
   machine, and ``--tree`` (say, the commit before the render limits) gives the before/after.
   Rounds alternate between checkouts; each keeps its best round.
2. In this checkout: the same drafts with the render isolated in the worker process
   (``ASKCRAFT_RENDER_ISOLATION=all``), and a copy of the built-in pack as a third-party pack
   rendered in the worker and in this process; plus the time to start a worker.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHILD = r"""
import json, os, shutil, sys, tempfile, time
from datetime import date
sys.path.insert(0, sys.argv[1])
import jinja2
import askcraft
from askcraft.packs import builtin_pack
from askcraft._render.context import build_context
from askcraft._render.words import FILTERS

TODAY = date(2026, 11, 12)
intents = [askcraft.Intent.parse(d) for d in json.load(open(sys.argv[2]))]
pack = builtin_pack()
plain = jinja2.Environment(loader=jinja2.FileSystemLoader(pack.root), undefined=jinja2.StrictUndefined)
plain.filters.update(FILTERS)
jobs = [(plain.get_template(pack.select(i).template), build_context(i, today=TODAY)) for i in intents]

def timed(run, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / len(intents) * 1e6

def bare():
    for template, context in jobs:
        template.render(context)

def drafts(which=None):
    for intent in intents:
        askcraft.draft(intent, pack=which, check=False, today=TODAY)

tmp = tempfile.mkdtemp()
root = shutil.copytree(pack.root, os.path.join(tmp, "copy"))
manifest = os.path.join(root, "pack.yaml")
text = open(manifest, encoding="utf-8").read().replace("name: builtin", "name: builtin-copy", 1)
open(manifest, "w", encoding="utf-8").write(text)
from askcraft._packs.pack import load_pack
third = load_pack(root)  # the built-in templates as somebody else's pack: they render in the sandbox

os.environ["ASKCRAFT_RENDER_ISOLATION"] = "off"
drafts(); bare(); drafts(third)
out = {"bare_us": timed(bare), "builtin_us": timed(drafts)}
out["third_party_here_us"] = timed(lambda: drafts(third))
if sys.argv[3] == "isolation":
    from askcraft._packs import isolation

    def mode(name, run):
        def timed_in_mode():
            os.environ["ASKCRAFT_RENDER_ISOLATION"] = name
            return run()
        return timed_in_mode

    contenders = {
        "third_party_here_us": mode("off", lambda: drafts(third)),
        "third_party_worker_us": mode("auto", lambda: drafts(third)),
        "builtin_worker_us": mode("all", drafts),
    }
    for run in contenders.values():
        run()
    for _ in range(5):  # alternate, so a busy moment slows every contender alike
        for key, run in contenders.items():
            out[key] = min(out.get(key, float("inf")), timed(run, repeats=1))
    starts = []
    for _ in range(5):
        isolation.shutdown()
        start = time.perf_counter()
        askcraft.draft(intents[0], pack=third, check=False, today=TODAY)
        starts.append(time.perf_counter() - start)
    out["worker_start_ms"] = sorted(starts)[len(starts) // 2] * 1e3
    isolation.shutdown()
shutil.rmtree(tmp)
print(json.dumps(out))
"""


def _run(tree: Path, intents_file: Path, what: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(intents_file), what],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
        env={**os.environ, "ASKCRAFT_PACKS_DIR": str(intents_file.parent / "no-packs")},
    )
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main() -> None:
    """Measure, print the figures, and one JSON line for tools."""
    from bench_draft import generate  # noqa: PLC0415  (shares its intent generator)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="intents per round (default 2000)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds (default 5)")
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure too")
    args = parser.parse_args()
    trees = [REPO, *(Path(t).resolve() for t in args.tree)]
    with tempfile.TemporaryDirectory() as tmp:
        intents_file = Path(tmp) / "intents.json"
        (Path(tmp) / "no-packs").mkdir()
        intents_file.write_text(json.dumps([i.model_dump(mode="json") for i in generate(args.n)]))
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.rounds):
            for tree in trees:
                figures = _run(tree, intents_file, "plain")
                figures["ratio"] = figures["builtin_us"] / figures["bare_us"]
                if str(tree) not in best or figures["ratio"] < best[str(tree)]["ratio"]:
                    best[str(tree)] = figures
        isolation = min(
            (_run(REPO, intents_file, "isolation") for _ in range(max(1, args.rounds // 2))),
            key=lambda f: f["third_party_worker_us"],
        )
    here = best[str(REPO)]
    for tree, figures in best.items():
        print(
            f"{tree:<40} built-in draft {figures['builtin_us']:7.0f} us, "
            f"bare jinja {figures['bare_us']:5.0f} us,"
            f" ratio {figures['ratio']:5.2f}x"
        )
        print(
            f"{'':<40} the built-in templates as a pack, in the sandbox: "
            f"{figures['third_party_here_us']:7.0f} us"
            f" ({figures['third_party_here_us'] / figures['bare_us']:.2f}x bare jinja)"
        )
        if tree != str(REPO):
            sandboxed = (here["third_party_here_us"] / here["bare_us"]) / (
                figures["third_party_here_us"] / figures["bare_us"]
            )
            print(
                f"{'':<40} this checkout / that one: built-in {here['ratio'] / figures['ratio']:.2f}x,"
                f" sandboxed pack {sandboxed:.2f}x"
            )
    print(
        f"built-in pack:    here {isolation['builtin_us']:6.0f} us/draft, "
        f"in the worker {isolation['builtin_worker_us']:6.0f} us/draft "
        f"({isolation['builtin_worker_us'] / isolation['builtin_us']:.2f}x)"
    )
    print(
        f"third-party copy: here {isolation['third_party_here_us']:6.0f} us/draft, "
        f"in the worker {isolation['third_party_worker_us']:6.0f} us/draft "
        f"({isolation['third_party_worker_us'] / isolation['third_party_here_us']:.2f}x, "
        f"+{isolation['third_party_worker_us'] - isolation['third_party_here_us']:.0f} us)"
    )
    print(f"worker start (first isolated draft): {isolation['worker_start_ms']:.0f} ms (median of 5)")
    print(json.dumps({"trees": best, "isolation": isolation}))


if __name__ == "__main__":
    main()
