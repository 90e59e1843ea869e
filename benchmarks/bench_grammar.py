"""Grammar checking speed: check_many vs a plain language_tool_python loop, and CLI cold vs warm start.

Run from the repository root:  python benchmarks/bench_grammar.py [--texts 200]

Everything is measured in one run on this machine:
  1. LanguageTool start-up (launch -> healthy -> warm) and its resident memory, on a private server;
  2. N distinct drafted messages: askcraft.check_many (concurrent, all checks) vs a sequential
     ``language_tool_python.LanguageTool(remote_server=...).check(text)`` loop on the same server;
  3. two one-off ``python -m askcraft draft`` invocations with grammar on: the first starts the
     server (cold), the second reuses it.
Nothing is asserted; the table is the result.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import askcraft  # noqa: E402
import askcraft._grammar.checker as grammar_checker  # noqa: E402
import askcraft._grammar.config as lt_config  # noqa: E402
import askcraft._grammar.java as lt_java  # noqa: E402
import askcraft._grammar.obtain as lt_obtain  # noqa: E402
import askcraft._grammar.server as lt_server  # noqa: E402
import askcraft._grammar.status as lt_status  # noqa: E402
from askcraft._draft.check import check_many  # noqa: E402

PEOPLE = [
    ("Sam Lee", "former-colleague", "Alex Kim"),
    ("Zoë Ødegård", "friend", "Mateus Araújo"),
    ("Siobhán O'Brien", "mentor", "Jean-Luc Moreau"),
    ("Nguyễn Thị Mai", "acquaintance", "Priya Rao"),
    ("Dana Smith-Jones", "family", "Kai D'Angelo"),
    ("José García", "alumni", "Anna-Lena Weiß"),
    ("Chris Park", "colleague", "Morgan Ellis"),
]
INDUSTRIES = ["banking", "renewable energy", "health care", "logistics", "education", "retail", "insurance"]
REASONS = [
    "I want to put my statistics degree to work in finance",
    "I want work with a clear purpose",
    "my team is being wound down",
    "I have finished my nursing degree",
    "I am moving back to Chicago",
]


def drafted_texts(n: int) -> list[str]:
    """Return *n* distinct drafted messages from varied intents (falls back to generated text)."""
    texts: list[str] = []
    seen: set[str] = set()
    combos = itertools.product(
        ("request", "reminder", "thank-you"),
        ("email", "linkedin-message", "text", "linkedin-connection-note"),
        ("job-leads", "introduction", "informational-interview", "advice"),
        range(len(PEOPLE)),
    )
    for i, (kind, channel, goal, p) in enumerate(combos):
        name, relationship, sender = PEOPLE[p]
        data = {
            "kind": kind,
            "goal": goal,
            "channel": channel,
            "industry": INDUSTRIES[i % len(INDUSTRIES)],
            "count": 1 + i % 5,
            "recipient": {"name": name, "relationship": relationship},
            "sender": {"name": sender, "reason": REASONS[i % len(REASONS)]},
        }
        if kind == "reminder":
            data["sent_on"] = "2026-11-02"
        if kind == "thank-you":
            data["help"] = "introducing me to Priya at the bank"
        try:
            body = askcraft.draft(data, check=False, today=date(2026, 11, 12)).body
        except askcraft.AskcraftError:
            continue
        if body not in seen:
            seen.add(body)
            texts.append(body)
        if len(texts) == n:
            return texts
    while len(texts) < n:  # not enough distinct drafts: vary real drafts by a closing line
        base = (
            texts[len(texts) % max(1, len(seen))] if seen else "Hi Sam, do you know three people in banking?"
        )
        texts.append(f"{base}\nP.S. Message {len(texts)}.")
    return texts


def start_private_server() -> tuple[lt_config.Server, float, float]:
    """Start a private server without LanguageTool's result cache; return it and (healthy, warm) seconds.

    The sentence cache is off so that whichever contender runs second does not get the
    other's results for free; both then pay for every sentence they send.
    """
    lt_config.SERVER_PROPERTIES["cacheSize"] = "0"
    installation = lt_obtain.find_installation() or lt_obtain.install()
    java, _ = lt_java.find_java()
    started = time.perf_counter()
    healthy_at: list[float] = []
    original = lt_server._wait_healthy

    def timed_wait(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)  # type: ignore[arg-type]
        healthy_at.append(time.perf_counter())

    lt_server._wait_healthy = timed_wait  # type: ignore[assignment]
    try:
        server = lt_server._launch(installation, java, 0, None)
    finally:
        lt_server._wait_healthy = original
    lt_server._current = server
    return server, healthy_at[0] - started, time.perf_counter() - started


def cli_draft_seconds(env: dict[str, str], *, grammar: bool = True) -> float:
    cmd = [
        sys.executable,
        "-m",
        "askcraft",
        "draft",
        "request",
        "--to",
        "Sam Lee",
        "--relationship",
        "former-colleague",
        "--goal",
        "job-leads",
        "--industry",
        "banking",
        "--count",
        "3",
        "--from",
        "Alex Kim",
        "--reason",
        "I want to put my math degree to work in finance",
    ]
    if not grammar:
        cmd.append("--no-grammar")
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        print(result.stderr, file=sys.stderr)
    if "grammar.unavailable" in result.stdout or "not checked" in result.stdout:
        print("warning: the CLI did not check grammar:", result.stdout[-300:], file=sys.stderr)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    import language_tool_python  # noqa: PLC0415  (after sys.path is set up)

    from askcraft._checks.registry import BUILTIN_CHECKERS  # noqa: PLC0415

    rows: list[tuple[str, str]] = []
    run_dir = tempfile.mkdtemp(prefix="askcraft-bench-")
    os.environ[lt_config.ENV_RUNTIME] = run_dir
    try:
        server, healthy_s, warm_s = start_private_server()
        rss = lt_status.server_memory_bytes(server.pid or 0)
        rows += [
            ("LanguageTool start-up: launch -> healthy", f"{healthy_s:.1f} s"),
            ("LanguageTool start-up: launch -> warm (first check done)", f"{warm_s:.1f} s"),
            ("LanguageTool resident memory after warm-up", f"{rss / 2**20:.0f} MiB" if rss else "n/a"),
        ]
        texts = drafted_texts(args.texts)
        assert len(set(texts)) == len(texts)
        words = sum(len(t.split()) for t in texts)
        others = [name for name in BUILTIN_CHECKERS if name != "grammar"]
        tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
        for text in drafted_texts(20):  # JIT warm-up for both paths
            tool.check(text + " Warm-up.")
        check_many([t + " Warm-up two." for t in texts[:20]])

        def loop() -> float:
            started = time.perf_counter()
            for text in texts:
                tool.check(text)
            return time.perf_counter() - started

        from askcraft._grammar import client  # noqa: PLC0415  (askcraft's own client, since issue 14)

        def ours() -> float:
            started = time.perf_counter()
            for text in texts:
                client.matches(server, text, "en-US")
            return time.perf_counter() - started

        def many(disable: list[str]) -> float:
            grammar_checker.clear_cache()
            started = time.perf_counter()
            results = check_many(texts, max_workers=args.workers, disable=disable)
            elapsed = time.perf_counter() - started
            assert not any(f.rule == "grammar.unavailable" for r in results for f in r)
            return elapsed

        loops, clients, manys, grammar_only = [], [], [], []
        for r in range(args.rounds):  # alternate the order so neither side always goes first
            if r % 2 == 0:
                loops.append(loop())
                clients.append(ours())
                manys.append(many([]))
                grammar_only.append(many(others))
            else:
                grammar_only.append(many(others))
                manys.append(many([]))
                clients.append(ours())
                loops.append(loop())
        grammar_checker.clear_cache()
        started = time.perf_counter()
        check_many(texts + texts, max_workers=args.workers)
        dup_s = time.perf_counter() - started
        loop_s, client_s, many_s, gram_s = min(loops), min(clients), min(manys), min(grammar_only)
        rows += [
            (
                f"{len(texts)} distinct drafts ({words} words): sequential language_tool_python",
                f"{loop_s:.2f} s",
            ),
            (f"{len(texts)} distinct drafts: sequential askcraft client", f"{client_s:.2f} s"),
            ("per-check latency, askcraft client / language_tool_python", f"{client_s / loop_s:.2f}x"),
            (f"{len(texts)} distinct drafts: check_many, grammar only", f"{gram_s:.2f} s"),
            (f"{len(texts)} distinct drafts: check_many, all checks", f"{many_s:.2f} s"),
            ("throughput ratio, grammar only (target >= 1.5x)", f"{loop_s / gram_s:.2f}x"),
            ("throughput ratio, check_many with all checks vs grammar-only loop", f"{loop_s / many_s:.2f}x"),
            (f"{2 * len(texts)} texts, each twice: check_many, all checks", f"{dup_s:.2f} s"),
        ]
    finally:
        lt_server.stop_server()
        lt_server._current = None
        lt_config.SERVER_PROPERTIES["cacheSize"] = "2000"

    with tempfile.TemporaryDirectory() as run:
        env = {**os.environ, lt_config.ENV_RUNTIME: run, lt_config.ENV_IDLE: "5"}
        cold = cli_draft_seconds(env)
        warm = cli_draft_seconds(env)
        no_grammar = cli_draft_seconds(env, grammar=False)
        os.environ[lt_config.ENV_RUNTIME] = run
        lt_server.stop_server()
    del os.environ[lt_config.ENV_RUNTIME]
    rows += [
        ("CLI `askcraft draft` #1, no server running (cold start)", f"{cold:.2f} s"),
        ("CLI `askcraft draft` #2, server reused (target < 1.5 s)", f"{warm:.2f} s"),
        ("CLI `askcraft draft --no-grammar` (the floor: Python start + imports)", f"{no_grammar:.2f} s"),
    ]

    width = max(len(k) for k, _ in rows)
    print(
        f"LanguageTool {lt_config.VERSION}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    for key, value in rows:
        print(f"{key:<{width}}  {value:>10}")


if __name__ == "__main__":
    main()
