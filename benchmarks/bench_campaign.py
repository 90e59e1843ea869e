"""Campaign speed: 500 contacts drafted and fully checked, the campaign path against a plain draft() loop.

Run from the repository root:  python benchmarks/bench_campaign.py [--contacts 500] [--rounds 2]

Every side drafts the same kind of contacts with the built-in pack and checks everything, grammar
included, on the same local LanguageTool server:

- baseline: ``askcraft.draft(intent)`` once per contact, one after the other (the obvious loop);
- loop+files: the same loop writing each draft's ``.eml`` (or ``.txt``), the output a script needs;
- batch: ``askcraft.campaign.draft_many(intents)``: drafts without LanguageTool, grammar through
  ``check_many`` in batches on the shared server in a background thread while the next batch is
  drafted; no files;
- campaign: ``askcraft.campaign.run_campaign(contacts_file, ask, out=...)``, the whole command:
  read the CSV, plan each intent, draft and check as ``batch`` does, write the .eml/.txt files,
  record the ledger, write the review sheet and errors file.

LanguageTool caches sentences (cacheSize), so each measured phase drafts for different people
and a different field and reason (the warm-up too): no phase is helped by another's cache, and
askcraft's own grammar cache is cleared before each. Rounds rotate the order, so each side runs
in another place each round. The time without grammar is the campaign path with
``grammar=False``; the .eml export (with the exporter's parse-back check) is timed alone.

Run on 2026-11-26, 500 contacts a phase, 2 rounds, 2 cores shared with four other engineers'
test runs (load average 8-9 throughout):

    plain draft() loop                  18.3 s (mean of 2)
    draft_many, all checks, no files     9.7 s   ratio 1.89x
    plain loop writing .eml/.txt        23.0 s
    campaign command, all checks        17.6 s   ratio 1.31x (to that loop)
    campaign command without grammar    17.9 s
    .eml export + read-back alone        4.6 s for 450 emails (10.2 ms each)

Grammar costs the campaign command nothing on the clock (17.6 s with, 17.9 s without): it is
checked on the other core while Python drafts. What is left is Python's own work on one core:
drafting (about half) and the .eml export (most of it the exporter's parse-back check), a quarter;
the campaign room's own work (reading, planning, the ledger, files, the review) was about 10% under a
profiler. An earlier run (load 7-8, without the loop+files side) gave 20.3 s, 12.4 s (1.64x) and
19.4 s (1.05x against the loop that writes nothing), 14.0 s without grammar.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import askcraft  # noqa: E402
from askcraft import campaign  # noqa: E402
from askcraft._campaign.plan import load_base, plan_contact  # noqa: E402
from askcraft._grammar.checker import clear_cache  # noqa: E402
from askcraft._grammar.server import ensure_server  # noqa: E402

FIRST = [
    "Sam",
    "Mia",
    "Priya",
    "Mateo",
    "Olivia",
    "Tomasz",
    "Zoë",
    "Kwame",
    "Aiko",
    "Rosa",
    "Li",
    "Dana",
    "Jordan",
    "Siobhán",
    "Ama",
    "Noor",
    "Lars",
    "Ines",
    "Chidi",
    "Hana",
]
LAST = [
    "Lee",
    "Chen",
    "Patel",
    "García",
    "Nowak",
    "Ødegård",
    "Mensah",
    "Tanaka",
    "Alvarez",
    "Wei",
    "Reyes",
    "O'Brien",
    "Haddad",
    "Berg",
    "Costa",
    "Okafor",
    "Kim",
    "Rossi",
    "Novak",
    "Singh",
]
RELATIONSHIPS = ["former-colleague", "friend", "acquaintance", "alumni", "colleague", "mentor", "family"]
#: One (industry, reason) per measured phase, so no phase reuses another's sentences.
PHASES = [
    ("banking", "After six years teaching math, I want to put my numbers skills to work in finance."),
    ("insurance", "I have spent five years in claims support and want to move into underwriting."),
    ("logistics", "After running a busy warehouse floor, I want to plan supply chains for a living."),
    ("health care", "I finished my nursing degree in May and want to work in a community clinic."),
    ("renewable energy", "I want my engineering work to help the grid run on clean power."),
    ("publishing", "After a decade of teaching English, I want to edit books for young readers."),
    ("cybersecurity", "After years running a school's network, I want to defend systems for a living."),
    ("hospitality", "I have managed a busy restaurant for six years and want to run hotel operations."),
    ("public health", "After a decade as a pharmacist, I want to work on vaccination programmes."),
]
#: The warm-up's own ask (phase -1), so no measured phase finds its sentences in LanguageTool's cache.
WARM_UP = ("education technology", "I have built lesson plans for years and want to build learning apps.")


def write_contacts(path: Path, n: int, phase: int) -> None:
    rows = ["name,email,relationship,channel"]
    for i in range(n):
        first, last = FIRST[(i + phase * 7) % len(FIRST)], LAST[(i // len(FIRST) + phase * 3) % len(LAST)]
        name = f"{first} {last}{'' if i < 400 else ' Jr.'}"
        channel = "text" if i % 10 == 9 else "email"
        email = f"p{phase}.{i}@example.com"
        rows.append(f"{name},{email},{RELATIONSHIPS[i % len(RELATIONSHIPS)]},{channel}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def ask(phase: int) -> dict[str, object]:
    industry, reason = WARM_UP if phase < 0 else PHASES[phase % len(PHASES)]
    return {
        "kind": "request",
        "goal": "job-leads",
        "industry": industry,
        "count": 2,
        "channel": "email",
        "sender": {"name": "Alex Kim", "email": "alex.kim@example.com", "reason": reason},
    }


def _intents(contacts: Path, phase: int) -> list[askcraft.Intent]:
    base = load_base(ask(phase))
    return [plan_contact(base, c, ()).intent for c in campaign.read_contacts(contacts).contacts]  # type: ignore[union-attr]


def baseline(contacts: Path, phase: int, work: Path) -> float:
    """A plain loop of askcraft.draft(), one contact after another, on the same intents."""
    intents = _intents(contacts, phase)
    clear_cache()
    start = time.perf_counter()
    for intent in intents:
        askcraft.draft(intent)
    return time.perf_counter() - start


def baseline_files(contacts: Path, phase: int, work: Path) -> float:
    """The plain loop a script would write for the same output: draft() each, write its .eml or .txt."""
    intents = _intents(contacts, phase)
    folder = work / f"loop{phase}"
    folder.mkdir()
    clear_cache()
    start = time.perf_counter()
    for n, intent in enumerate(intents):
        draft = askcraft.draft(intent)
        if draft.channel == "email":
            (folder / f"{n}.eml").write_bytes(draft.to_eml())
        else:
            (folder / f"{n}.txt").write_text(draft.to_text(), encoding="utf-8")
    return time.perf_counter() - start


def eml_export(contacts: Path, phase: int) -> tuple[int, float]:
    """Return how many drafts went by email and the time their .eml export took (with its read-back)."""
    drafts = [askcraft.draft(i, grammar=False) for i in _intents(contacts, phase)]
    emails = [d for d in drafts if d.channel == "email"]
    start = time.perf_counter()
    for d in emails:
        d.to_eml()
    return len(emails), time.perf_counter() - start


def batch_path(contacts: Path, phase: int, work: Path) -> float:
    """The campaign's drafting and checking alone: draft_many over the same intents, no files."""
    intents = _intents(contacts, phase)
    clear_cache()
    start = time.perf_counter()
    drafts = [o.draft for o in campaign.draft_many(intents)]
    elapsed = time.perf_counter() - start
    assert all(drafts)
    return elapsed


def campaign_path(contacts: Path, phase: int, work: Path, *, grammar: bool = True) -> float:
    """The whole command: read, plan, draft, check, write .eml/.txt files, the ledger, the review."""
    clear_cache()
    start = time.perf_counter()
    result = campaign.run_campaign(
        contacts,
        ask(phase),
        out=work / f"out{phase}",
        ledger=work / f"ledger{phase}.sqlite3",
        grammar=grammar,
    )
    elapsed = time.perf_counter() - start
    if result.problems:
        raise SystemExit(f"campaign could not draft {len(result.problems)} rows: {result.problems[0]}")
    return elapsed


SIDES = {"baseline": baseline, "loop+files": baseline_files, "batch": batch_path, "campaign": campaign_path}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    server = ensure_server()
    print(f"LanguageTool {server.url}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start")
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warm = work / "warm.csv"
        write_contacts(warm, 40, -1)
        campaign_path(warm, -1, work)  # imports, JIT, server warm-up; not measured
        phase = 0
        names = list(SIDES)
        for round_number in range(args.rounds):
            turn = round_number % len(names)
            order = names[turn:] + names[:turn]  # each side takes another place each round
            for side in order:
                contacts = work / f"contacts{phase}.csv"
                write_contacts(contacts, args.contacts, phase)
                took = SIDES[side](contacts, phase, work)
                times[side].append(took)
                each = took / args.contacts * 1000
                load = os.getloadavg()[0]
                where = f"round {round_number + 1}, {side:<10}"
                print(f"{where}: {took:7.1f} s ({each:5.1f} ms each, load {load:.1f})")
                phase += 1
        contacts = work / "nogrammar.csv"
        write_contacts(contacts, args.contacts, phase)
        no_grammar = campaign_path(contacts, phase, work, grammar=False)
        emails, eml_time = eml_export(contacts, phase)
    mean = {side: sum(t) / len(t) for side, t in times.items()}
    print()
    print(f"contacts per phase               {args.contacts}")
    print(f"plain draft() loop               {mean['baseline']:7.1f} s (mean of {len(times['baseline'])})")
    batch = mean["batch"]
    print(f"draft_many, all checks, no files {batch:7.1f} s   ratio {mean['baseline'] / batch:.2f}x")
    print(f"plain loop writing .eml/.txt     {mean['loop+files']:7.1f} s")
    ratio = mean["loop+files"] / mean["campaign"]
    print(f"campaign command, all checks     {mean['campaign']:7.1f} s   ratio {ratio:.2f}x (to that loop)")
    print(f"campaign command without grammar {no_grammar:7.1f} s")
    each = eml_time / emails * 1000
    print(f".eml export + read-back alone    {eml_time:7.1f} s for {emails} emails ({each:.1f} ms each)")
    print(f"load average at the end          {os.getloadavg()[0]:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
