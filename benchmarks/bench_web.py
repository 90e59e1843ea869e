"""Benchmark the web page's live preview against the askcraft.draft() call behind it.

Run from the repository root:  python benchmarks/bench_web.py [--edits 20]

Starts ``python -m askcraft serve``, opens Debian's chromium (headless, through Playwright), fills
in the README's request, then edits the reason N times. For each edit it measures, in the page's
own clock, the time from the input event to the draft on the page showing the edit; the server
reports (Server-Timing) how long askcraft took for that request. The baseline, in this process:
``askcraft.draft()`` of the same message with other words (so LanguageTool's sentence cache has
seen neither). Grammar is on and the LanguageTool server is warmed first. The ratio is the page's
overhead over drafting: the pause the page waits for typing to stop (120 ms), the request, the
JSON and the drawing of the marked-up draft.

Also measures what the web extra costs: importing Starlette and uvicorn, against importing askcraft.
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
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from browserkit import OTHER_WORDS, WORDS, browser, chromium, measure_preview, reason, serving  # noqa: E402

import askcraft  # noqa: E402

TYPED = {
    "#f-recipient-name": "Sam Lee",
    "#f-count": "3",
    "#f-industry": "banking",
    "#f-sender-name": "Alex Kim",
    "#f-sender-reason": "I want to put my math degree to work in finance",
}


def _wall(code: str, runs: int = 11) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


#: What `askcraft serve` imports from the web extra (and nothing of askcraft).
WEB_EXTRA = (
    "import starlette.applications, starlette.routing, starlette.responses, starlette.staticfiles, "
    "starlette.templating, starlette.middleware.trustedhost, uvicorn"
)


def import_cost() -> dict[str, float]:
    """Median wall time (ms) of importing the web extra's packages, against Python doing nothing.

    Beside it, for scale: importing the drafting machinery (``askcraft.draft``) the page also loads.
    """
    nothing = _wall("pass")
    return {
        "python_ms": round(nothing, 1),
        "web_extra_imports_ms": round(_wall(WEB_EXTRA) - nothing, 1),
        "askcraft_draft_imports_ms": round(_wall("import askcraft; askcraft.draft") - nothing, 1),
    }


def preview_latency(edits: int) -> dict[str, Any]:
    executable = chromium()
    if executable is None:
        raise SystemExit("chromium is not installed: apt-get install chromium")
    askcraft.check("Could you tell me how you got started?")  # start (or find) LanguageTool
    with (
        tempfile.TemporaryDirectory() as folder,
        serving() as url,
        browser(Path(folder) / "profile", executable) as context,
    ):
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready]")
        page.select_option("#f-recipient-relationship", "former-colleague")
        for selector, value in TYPED.items():
            page.fill(selector, value)
        page.wait_for_selector("#message:not([hidden])", timeout=120_000)
        times = measure_preview(page, edits=edits)
    intent: dict[str, Any] = {
        "kind": "request", "goal": "job-leads", "count": 3, "industry": "banking", "channel": "email",
        "recipient": {"name": "Sam Lee", "relationship": "former-colleague"},
        "sender": {"name": "Alex Kim", "reason": reason("walking")},
    }  # fmt: skip
    askcraft.draft(intent)  # load the checks in this process
    direct = []
    for word in OTHER_WORDS[:edits]:
        intent["sender"]["reason"] = reason(word)
        start = time.perf_counter()
        askcraft.draft(intent, grammar=True)
        direct.append((time.perf_counter() - start) * 1000)
    preview = statistics.median(times["preview"])
    baseline = statistics.median(direct)
    return {
        "edits": edits,
        "preview_median_ms": round(preview, 1),
        "preview_min_max_ms": [round(min(times["preview"]), 1), round(max(times["preview"]), 1)],
        "server_askcraft_median_ms": round(statistics.median(times["askcraft"]), 1),
        "draft_median_ms (baseline)": round(baseline, 1),
        "preview_over_draft": round(preview / baseline, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20, choices=range(1, len(WORDS) + 1), metavar="N")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    figures = {"preview": preview_latency(args.edits), "imports": import_cost()}
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
