"""Drive the real page: `askcraft serve` in a subprocess, Debian's chromium through Playwright.

Used by tests/test_web_browser.py and benchmarks/bench_web.py. Playwright never downloads a browser
here: it drives the chromium Debian installs (``.ci/run`` installs it when it is missing).
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: The flags this machine's chromium needs (no sandbox as root; nothing that phones home).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1200, "height": 800}


def chromium() -> str | None:
    """Return the chromium executable (ASKCRAFT_CHROMIUM overrides), or None when there is none."""
    named = os.environ.get("ASKCRAFT_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def serving(
    env: dict[str, str] | None = None, timeout: float = 60.0, cwd: Path | None = None
) -> Iterator[str]:
    """Run ``python -m askcraft serve --no-browser`` and yield the URL it prints (with its token).

    The server runs in *cwd* (a campaign's drafts go there), importing this checkout's askcraft.
    """
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    proc = subprocess.Popen(
        [sys.executable, "-m", "askcraft", "serve", "--no-browser"],
        cwd=cwd or REPO,
        env={**os.environ, "PYTHONPATH": path, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    lines: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            match = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
            if match and not found:
                found.append(match.group(0))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + timeout
        while not found and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        if not found:
            raise RuntimeError("askcraft serve printed no URL:\n" + "".join(lines))
        yield found[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
        said = "".join(lines)
        if "Traceback" in said or "Exception" in said:
            # A page that answered 500 shows only "Internal Server Error" in the browser; the
            # server's own account of it goes to the test report.
            sys.stderr.write(f"askcraft serve said:\n{said[-20_000:]}\n")


@contextlib.contextmanager
def browser(profile: Path, executable: str) -> Iterator[Any]:
    """Yield a Playwright browser context of Debian's chromium, with a fresh profile folder."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=FLAGS,
            headless=True,
            accept_downloads=True,
            viewport=VIEWPORT,
            locale="en-US",
        )
        try:
            yield context
        finally:
            context.close()


#: In the page: change the reason, and resolve with the milliseconds until the draft shows the new word.
_EDIT = """([word, reason]) => new Promise((resolve) => {
  const body = document.getElementById("body");
  const field = document.getElementById("f-sender-reason");
  const start = performance.now();
  const watch = new MutationObserver(() => {
    if (body.textContent.includes(word)) { watch.disconnect(); resolve(performance.now() - start); }
  });
  watch.observe(body, { childList: true, subtree: true, characterData: true });
  field.value = reason;
  field.dispatchEvent(new Event("input", { bubbles: true }));
})"""

#: Twenty things a person might enjoy, one per edit, so every edit drafts a new text.
WORDS = [
    "spreadsheets", "statistics", "forecasting", "budgets", "modelling", "auditing", "valuation",
    "accounting", "economics", "analytics", "reporting", "research", "planning", "pricing",
    "compliance", "portfolios", "trading", "lending", "insurance", "payments",
]  # fmt: skip


#: Twenty more, for drafting the same messages outside the page (so neither finds the other's cache).
OTHER_WORDS = [
    "bookkeeping", "probability", "markets", "banking", "numbers", "ledgers", "taxes", "cash flow",
    "risk", "derivatives", "credit", "treasury", "funding", "equities", "bonds", "mortgages",
    "actuarial work", "procurement", "invoices", "controls",
]  # fmt: skip


#: A number new to every run, so LanguageTool's sentence cache (it outlives a run) has never seen an edit.
RUN = random.SystemRandom().randrange(100_000, 999_999)


def reason(word: str) -> str:
    """Return the reason of edit *word*: one sentence that this run has not drafted before."""
    return f"I want to put my math degree to work in finance, where I can use my love of {word} (note {RUN})"


def measure_preview(page: Any, edits: int = 20) -> dict[str, list[float]]:
    """Edit the reason *edits* times on a filled-in Draft page; return the page's and askcraft's times (ms).

    ``preview`` is from the input event to the draft on the page showing the edit (the page's own
    clock); ``askcraft`` is the time the server spent in askcraft for that request (Server-Timing).
    """
    server: list[float] = []

    def on_response(response: Any) -> None:
        if response.url.endswith("/api/preview"):
            timing = response.headers.get("server-timing", "")
            match = re.search(r"dur=([\d.]+)", timing)
            if match:
                server.append(float(match.group(1)))

    page.on("response", on_response)
    preview: list[float] = []
    askcraft_ms: list[float] = []
    for word in WORDS[:edits]:
        before = len(server)
        preview.append(float(page.evaluate(_EDIT, [word, reason(word)])))
        deadline = time.monotonic() + 10
        while len(server) == before and time.monotonic() < deadline:
            page.wait_for_timeout(10)
        askcraft_ms.append(server[-1])
    page.remove_listener("response", on_response)
    return {"preview": preview, "askcraft": askcraft_ms}


def median(values: list[float]) -> float:
    """Return the median of *values*."""
    return statistics.median(values)
