"""What the hostile-input fixes cost a normal draft, and what a hostile pack or value costs now.

Run from the repository root:

    python benchmarks/bench_hostile.py --tree ../askcraft-before [--runs 5] [--n 300] [--json]

1. **The built-in pack, before and after.** Each tree (this checkout and every ``--tree``)
   drafts the same N intents in a fresh interpreter: ``draft(intent, check=False)``,
   ``draft(intent, grammar=False)`` (every check but LanguageTool), and ``to_eml()`` and
   ``to_ics()`` of each. The trees run in alternating rounds, so a busy machine slows them
   alike; the figures are the medians per message and the ratio of each tree to the first
   ``--tree`` (the baseline: the code before the change).
2. **Hostile inputs.** Each case (a pack folder, a zip, an intent) runs in its own child
   process, limited to 2 GB of address space and ``--timeout`` seconds, against this checkout
   and the baseline tree: the wall time of the hostile step (after start-up and one ordinary
   draft), the child's peak memory (VmHWM) and its render worker's, and what it ended in. The
   render payloads are those of ``tests/test_hostile_render.py`` (drafted for "Ann Other", so the
   one hidden behind ``{% if recipient.name != 'Sam Lee' %}`` runs), with ``--render-timeout``.
3. **LanguageTool servers that misbehave** (``--lt``): fake servers on 127.0.0.1 that hang,
   drip a byte a second, or answer garbage, and one check, or a batch of 8 texts
   (``check_many``) against a hanging one, in a child of each tree with ``--lt-timeout``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
MEMORY = 2 * 1024**3

DRAFTS = r"""
import json, random, sys, time
from datetime import date
import askcraft
n = int(sys.argv[1])
rng = random.Random(2026)
FIRST = ["Sam", "Priya", "Zoë", "Jo-Anne", "Kofi", "María", "Liam", "Tomás", "Wei", "Nadia"]
LAST = ["Lee", "O'Brien", "Núñez", "Smith-Jones", "Mensah", "Kowalski", "D'Souza"]
KINDS = ["request", "reminder", "thank-you"]
GOALS = ["job-leads", "introduction", "informational-interview", "referral", "advice", "favour"]
RELS = ["friend", "family", "former-colleague", "colleague", "mentor", "acquaintance", "alumni"]
intents = []
for i in range(n):
    kind = rng.choice(KINDS)
    intents.append(askcraft.Intent.parse({
        "kind": kind, "goal": rng.choice(GOALS),
        "channel": rng.choice(["email", "email", "linkedin-message", "text"]),
        "industry": rng.choice(["banking", "renewable energy", "game development"]),
        "role": rng.choice(["data analyst", "UX designer"]), "company": "Acme", "count": rng.randint(1, 5),
        "recipient": {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "relationship": rng.choice(RELS),
                      "company": "Acme", "email": f"r{i}@example.com"},
        "sender": {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "email": "alex@example.org",
                   "reason": "I want to put my maths degree to work in finance"},
        "details": "look over my CV", "help": "introducing me to Priya",
        "outcome": "I have an interview on Monday", "sent_on": date(2026, 11, 2),
        "send_date": date(2026, 11, 12),
    }))
today = date(2026, 11, 12)
for intent in intents[:30]:
    askcraft.draft(intent, check=False, today=today).to_eml()
    askcraft.draft(intent, grammar=False, today=today)
out = {}
start = time.perf_counter()
drafts = [askcraft.draft(intent, check=False, today=today) for intent in intents]
out["draft check=False"] = (time.perf_counter() - start) / n
start = time.perf_counter()
for intent in intents:
    askcraft.draft(intent, grammar=False, today=today)
out["draft grammar=False"] = (time.perf_counter() - start) / n
start = time.perf_counter()
for d in drafts:
    d.to_eml()
out["to_eml"] = (time.perf_counter() - start) / n
start = time.perf_counter()
for d in drafts:
    d.to_ics()
out["to_ics"] = (time.perf_counter() - start) / n
print(json.dumps(out))
"""

#: Runs one hostile case in the child: print how it ended, its time and its peak memory.
CASE = r"""
import json, re, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
case = json.loads(sys.argv[1])
import askcraft
from askcraft._packtools.lint import lint_pack
from askcraft._packtools.selftest import run_pack_tests
askcraft.draft(case["intent"], check=False)  # the built-in pack and the drafting code, loaded
start = time.monotonic()  # the time of the hostile step alone, after start-up
try:
    kind, target = case["kind"], case["target"]
    if kind == "draft":
        askcraft.draft(case["intent"], pack=target, grammar=False)
    elif kind == "lint":
        report = lint_pack(target)
        if report.errors:
            raise askcraft.PackError(report.errors[0].message[:200])
    elif kind == "update":
        report = run_pack_tests(target, update=True)
        if report.problems:
            raise askcraft.PackError(report.problems[0].message[:200])
    elif kind == "eml":
        askcraft.draft(case["intent"], check=False).to_eml()
    ended = "ok"
except askcraft.AskcraftError as exc:
    ended = type(exc).__name__ + ": " + str(exc).splitlines()[0][:90]
except BaseException as exc:
    ended = "CRASH " + type(exc).__name__ + ": " + str(exc)[:90]
seconds = time.monotonic() - start

def peak_of(pid="self"):
    try:
        status = open(f"/proc/{{pid}}/status").read()
    except OSError:  # the worker was stopped (its memory limit or its hard timeout)
        return 0.0
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024

try:  # code from before the render worker renders every pack in this process
    from askcraft._packs import isolation
    worker = isolation._worker
except ImportError:
    worker = None
worker_mb = peak_of(worker.process.pid) if worker is not None else 0.0
print(json.dumps({{"ended": ended, "seconds": seconds, "peak_mb": peak_of(), "worker_mb": worker_mb}}))
"""

INTENT: dict[str, Any] = {
    "kind": "request",
    "goal": "job-leads",
    "industry": "banking",
    "count": 3,
    "recipient": {"name": "Sam Lee", "relationship": "former-colleague", "email": "sam@example.com"},
    "sender": {"name": "Alex Kim", "reason": "I want to work in finance", "email": "alex@example.org"},
}
TEMPLATE = (
    "{% block subject %}Three names in {{ industry }}?{% endblock %}\n{% block body %}\n"
    "Hi {{ recipient.first_name }},\n\nWould you know {{ count|words }} people in {{ industry }}?\n"
    "No worries if not.\n\nThanks,\n{{ sender.signature }}\n{% endblock %}\n"
)


def _pack(parent: Path, name: str, extra: str = "", **files: str) -> Path:
    root = parent / name
    root.mkdir(parents=True)
    manifest = {
        "name": name,
        "version": "1.0.0",
        "description": "A hostile pack.",
        "author": "Bench",
        "license": "MIT",
        "templates": [{"kinds": "request", "goals": "job-leads", "variants": {"plain": "request.j2"}}],
    }
    (root / "pack.yaml").write_text(yaml.safe_dump(manifest) + extra, encoding="utf-8")
    (root / "request.j2").write_text(TEMPLATE, encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _rules(rules: int, phrases: int, length: int) -> str:
    data = {
        "rules": {
            f"pressure.r{r}": {
                "phrases": [f"w{r}x{p}" + "y" * (length - 8) for p in range(phrases)],
                "message": "Say it gently.",
                "examples": {"flag": [f"w{r}x0" + "y" * (length - 8)], "pass": ["fine"]},
            }
            for r in range(rules)
        }
    }
    return yaml.safe_dump(data)


def hostile_cases(tmp: Path) -> dict[str, dict[str, Any]]:
    """Build every hostile input on disk; return the cases by name."""
    cases: dict[str, dict[str, Any]] = {}
    for count in (1_000, 10_000):
        fields = "fields:\n" + "".join(f"  f{i}: {{type: x}}\n" for i in range(count))
        cases[f"lint: {count:,} invalid fields"] = {
            "kind": "lint",
            "target": _pack(tmp, f"fields{count}", fields),
        }
    tone = _pack(tmp, "tone-1mb", "tone_rules: tone.yaml\n", **{"tone.yaml": _rules(100, 250, 40)})
    cases["draft: 1 MB of tone phrases"] = {"kind": "draft", "target": tone}
    capped = _pack(tmp, "tone-cap", "tone_rules: tone.yaml\n", **{"tone.yaml": _rules(100, 2, 80)})
    cases["draft: tone rules at the caps"] = {"kind": "draft", "target": capped}
    sparse = tmp / "sparse.bin"
    with sparse.open("wb") as handle:
        handle.truncate(6 * 1024**3)
    linked = _pack(tmp, "sparse-link")
    (linked / "notes.txt").symlink_to(sparse)
    cases["draft: symlink to a 6 GB sparse file"] = {"kind": "draft", "target": linked}
    big = _pack(tmp, "sparse-plain")
    with (big / "big.txt").open("wb") as handle:
        handle.truncate(6 * 1024**3)
    cases["draft: 6 GB sparse file in the pack"] = {"kind": "draft", "target": big}
    fifo = _pack(tmp, "fifo", "examples: examples\n")
    (fifo / "examples").mkdir()
    (fifo / "examples" / "request.yaml").write_text(yaml.safe_dump(INTENT), encoding="utf-8")
    fifo_rules = _pack(tmp, "fifo-rules", "tone_rules: rules.yaml\n")
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo / "examples" / "stuck.yaml")
        os.mkfifo(fifo_rules / "rules.yaml")
    cases["lint: FIFO example"] = {"kind": "lint", "target": fifo}
    cases["draft: FIFO tone rules"] = {"kind": "draft", "target": fifo_rules}
    victim = tmp / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    update = _pack(tmp, "update-link", "examples: examples\n")
    (update / "examples").mkdir()
    (update / "examples" / "request.yaml").write_text(yaml.safe_dump(INTENT), encoding="utf-8")
    (update / "examples" / "request.plain.txt").symlink_to(victim)
    cases["packs test --update: symlinked expected file"] = {
        "kind": "update",
        "target": update,
        "victim": victim,
    }
    digits = _pack(tmp, "digits", "min_askcraft_version: " + "9" * 5000 + "\n")
    cases["lint: 5,000-digit number"] = {"kind": "lint", "target": digits}
    nested = _pack(tmp, "nested", "tone_rules: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")
    cases["lint: 10,000 nested mappings"] = {"kind": "lint", "target": nested}
    source = _pack(tmp / "zip-src", "zipped")
    for name, extra in {
        "a and a/b": {"a": "f", "a/b": "g"},
        "6,000-char path": {"x" * 6000 + "/b": "g"},
    }.items():
        archive = tmp / f"{len(cases)}.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for path in source.iterdir():
                zf.writestr(path.name, path.read_text(encoding="utf-8"))
            for member, text in extra.items():
                zf.writestr(member, text)
        cases[f"lint: zip with {name}"] = {"kind": "lint", "target": archive}
    sparse_zip = tmp / "sparse.zip"
    with sparse_zip.open("wb") as handle:
        handle.truncate(6 * 1024**3)
    cases["draft: 6 GB sparse zip"] = {"kind": "draft", "target": sparse_zip}
    bcc = {
        **INTENT,
        "recipient": {**INTENT["recipient"], "name": "=?utf-8?q?Sam=0D=0ABcc:_evil@attacker.example?="},
    }
    cases["eml: encoded CR LF in a name"] = {"kind": "eml", "target": None, "intent": bcc}
    idna = {**INTENT, "sender": {**INTENT["sender"], "email": "alex@exämple.org"}}
    cases["eml: non-ASCII sender domain"] = {"kind": "eml", "target": None, "intent": idna}
    return cases


def render_cases(tmp: Path) -> dict[str, dict[str, Any]]:
    """One pack per render payload of tests/test_hostile_render.py, drafted for a recipient it targets."""
    sys.path[:0] = [str(REPO), str(REPO / "tests")]  # the tests import askcraft from this checkout
    from test_hostile_render import ANN, PAYLOADS  # noqa: PLC0415  (the tests' payloads, not a copy)

    cases: dict[str, dict[str, Any]] = {}
    for name, templates in PAYLOADS.items():
        root = _pack(tmp / "render", name.replace("_", "-"))
        for rel, text in templates.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        cases[f"render: {name}"] = {"kind": "draft", "target": root, "intent": ANN}
    return cases


#: A check (or a batch) in a child of one tree, against the server in ASKCRAFT_LANGUAGETOOL_URL.
LT_CHILD = r"""
import json, sys, time
import askcraft
text = "Hi Sam, do you know three people in banking I could talk to? Thanks, Alex"
askcraft.check(text, grammar=False)  # the other checks' imports and models, loaded before the clock starts
start = time.monotonic()
try:
    if sys.argv[1] == "batch":
        results = askcraft.check_many([f"{text} ({n})" for n in range(8)])
    else:
        results = [askcraft.check(text)]
    notes = {f.message for findings in results for f in findings if f.severity == "notice"}
    ended = f"{len(notes)} distinct notice(s): " + (sorted(notes)[0][40:130] if notes else "")
except BaseException as exc:
    ended = "CRASH " + type(exc).__name__ + ": " + str(exc)[:90]
print(json.dumps({"ended": ended, "seconds": time.monotonic() - start}))
"""


def _fake_server(behaviour: str, lifetime: float) -> tuple[str, threading.Event]:
    """Start a misbehaving LanguageTool stand-in on 127.0.0.1; return its URL and its stop switch."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(5)
                conn.recv(65536)
                if behaviour == "hang":
                    stop.wait(lifetime)
                elif behaviour == "drip":
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99999\r\n\r\n"
                    )
                    while not stop.wait(1.0):
                        conn.sendall(b" ")
                else:  # JSON of the wrong shape (a string offset, a rule that is a number)
                    body = b'{"matches": [{"offset": "x", "length": 1, "rule": 5}]}'
                    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n"
                    conn.sendall(head.encode() + body)
            except OSError:
                pass

    def serve() -> None:
        deadline = time.monotonic() + lifetime
        with listener:
            while not stop.is_set() and time.monotonic() < deadline:
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                threading.Thread(target=handle, args=(conn,), daemon=True).start()
        stop.set()

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", stop


LT_SCENARIOS = {
    "check: server hangs": ("hang", "one"),
    "check: server drips a byte a second": ("drip", "one"),
    "check: server answers garbage": ("garbage", "one"),
    "batch of 8: server hangs": ("hang", "batch"),
}


def bench_languagetool(trees: list[Path], timeout: float) -> list[dict[str, Any]]:
    """Time one check and one batch against each misbehaving server, in a child of each tree."""
    rows = []
    for name, (behaviour, what) in LT_SCENARIOS.items():
        for tree in trees:
            url, stop = _fake_server(behaviour, timeout + 30)
            env = {**os.environ, "PYTHONPATH": str(tree), "ASKCRAFT_LANGUAGETOOL_URL": url}
            start = time.monotonic()
            try:
                proc = subprocess.run(
                    [sys.executable, "-c", LT_CHILD, what],
                    cwd=tree,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    check=False,
                )
                lines = proc.stdout.strip().splitlines()
                result = json.loads(lines[-1]) if lines else {"ended": f"CRASH exit {proc.returncode}"}
                result.setdefault("seconds", time.monotonic() - start)
            except subprocess.TimeoutExpired:
                result = {"ended": f"TIMEOUT: still waiting after {timeout:.0f} s", "seconds": timeout}
            finally:
                stop.set()
            rows.append({"case": name, "tree": str(tree), "peak_mb": None, **result})
    return rows


def run_case(tree: Path, case: dict[str, Any], timeout: float, tmp: Path) -> dict[str, Any]:
    """Run one hostile case against *tree* in a limited child process."""
    payload = {"kind": case["kind"], "target": str(case["target"]), "intent": case.get("intent", INTENT)}
    env = {
        **os.environ,
        "PYTHONPATH": str(tree),
        "ASKCRAFT_PACKS_DIR": str(tmp / "user-packs"),
        "ASKCRAFT_NO_PACK_AUTOLOAD": "1",
        "ASKCRAFT_LANGUAGETOOL": "off",
    }
    code = textwrap.dedent(CASE.format(memory=MEMORY))
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, json.dumps(payload)],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"ended": f"TIMEOUT after {timeout:.0f} s", "seconds": timeout, "peak_mb": None}
    lines = proc.stdout.strip().splitlines()
    if not lines:
        return {
            "ended": f"CRASH exit {proc.returncode}",
            "seconds": time.monotonic() - start,
            "peak_mb": None,
        }
    result: dict[str, Any] = json.loads(lines[-1])
    victim = case.get("victim")
    if victim is not None and Path(victim).read_text(encoding="utf-8") != "precious\n":
        result["ended"] += " (WROTE OUTSIDE THE PACK)"
        Path(victim).write_text("precious\n", encoding="utf-8")
    return result


def bench_drafts(trees: list[Path], runs: int, n: int) -> list[dict[str, Any]]:
    """Time the built-in pack in every tree, in alternating rounds; return medians and ratios."""
    times: dict[tuple[str, str], list[float]] = {}
    for run in range(runs):
        for tree in trees if run % 2 == 0 else trees[::-1]:  # ABBA: neither tree always goes first
            env = {**os.environ, "PYTHONPATH": str(tree), "ASKCRAFT_NO_PACK_AUTOLOAD": "1"}
            proc = subprocess.run(
                [sys.executable, "-c", DRAFTS, str(n)],
                cwd=tree,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            for measure, seconds in json.loads(proc.stdout).items():
                times.setdefault((str(tree), measure), []).append(seconds)
    baseline = str(trees[1]) if len(trees) > 1 else str(trees[0])
    rows = []
    for (tree, measure), values in times.items():
        median = statistics.median(values)
        base = statistics.median(times[(baseline, measure)])
        rows.append({"tree": tree, "measure": measure, "median_us": median * 1e6, "ratio": median / base})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tree", action="append", default=[], help="the checkout before the change (baseline)"
    )
    parser.add_argument("--runs", type=int, default=5, help="alternating rounds of drafts (default 5)")
    parser.add_argument("--n", type=int, default=300, help="intents drafted per round (default 300)")
    parser.add_argument(
        "--timeout", type=float, default=150, help="seconds a hostile case may run (default 150)"
    )
    parser.add_argument("--skip-drafts", action="store_true", help="only the hostile cases")
    parser.add_argument("--skip-hostile", action="store_true", help="only the built-in drafts")
    parser.add_argument(
        "--render-timeout", type=float, default=30, help="seconds a render payload may run (default 30)"
    )
    parser.add_argument("--skip-render", action="store_true", help="leave out the render payloads")
    parser.add_argument("--skip-files", action="store_true", help="leave out the pack file and zip cases")
    parser.add_argument("--lt", action="store_true", help="also time misbehaving LanguageTool servers")
    parser.add_argument(
        "--lt-timeout", type=float, default=120, help="seconds a LanguageTool case may run (default 120)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    trees = [REPO, *(Path(t).resolve() for t in args.tree)]
    report: dict[str, Any] = {"drafts": [], "hostile": []}
    if not args.skip_drafts:
        report["drafts"] = bench_drafts(trees, args.runs, args.n)
    with tempfile.TemporaryDirectory(prefix="askcraft-hostile-") as tmp:
        cases = {} if args.skip_hostile or args.skip_files else hostile_cases(Path(tmp))
        for name, case in cases.items():
            for tree in trees:
                result = run_case(tree, case, args.timeout, Path(tmp))
                report["hostile"].append({"case": name, "tree": str(tree), **result})
        renders = {} if args.skip_hostile or args.skip_render else render_cases(Path(tmp))
        for name, case in renders.items():
            for tree in trees:
                result = run_case(tree, case, args.render_timeout, Path(tmp))
                report["hostile"].append({"case": name, "tree": str(tree), **result})
    if args.lt:
        report["hostile"] += bench_languagetool(trees, args.lt_timeout)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for row in report["drafts"]:
        print(f"{row['tree']:<32} {row['measure']:<22} {row['median_us']:9.0f} us  {row['ratio']:5.2f}x")
    for row in report["hostile"]:
        peak = f"{row['peak_mb']:7.0f} MB" if row.get("peak_mb") else "      ? MB"
        if row.get("worker_mb"):
            peak += f" (worker {row['worker_mb']:.0f} MB)"
        print(
            f"{row['case']:<46} {Path(row['tree']).name:<16} {row['seconds']:7.2f} s {peak}  {row['ended']}"
        )


if __name__ == "__main__":
    main()
