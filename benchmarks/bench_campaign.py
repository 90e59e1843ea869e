"""Campaign speed: 500 contacts drafted and fully checked, the campaign path against a plain draft() loop.

Run from the repository root:  python benchmarks/bench_campaign.py [--contacts 500] [--rounds 2]

Both sides draft the same contacts with the built-in pack and check everything, grammar included,
on the same local LanguageTool server:

- baseline: ``askcraft.draft(intent)`` once per contact, one after the other (the obvious loop);
- campaign: ``askcraft.campaign.run_campaign(contacts_file, ask, out=...)``, the whole command:
  read the CSV, plan each intent, draft without LanguageTool, check grammar through
  ``check_many`` in batches (several requests in flight on the shared server, the next batch
  drafted meanwhile), write the .eml/.txt files, record the ledger, write the review sheet.

LanguageTool caches sentences (cacheSize), so each measured phase drafts for different people
and a different field: no phase is helped by another's cache, and askcraft's own grammar cache
is cleared before each. Rounds alternate the order (baseline first, then campaign first); the
table shows every phase and the ratio of the totals. The time without grammar is the campaign
path with ``grammar=False``. The machine's load average is printed: the two cores are shared.

Last run (2 cores shared with other engineers' test runs; load average in the output):
see the report of issue 11 for the figures; this script prints them.
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


SIDES = {"baseline": baseline, "batch": batch_path, "campaign": campaign_path}


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
            order = names[round_number % 3 :] + names[: round_number % 3]  # each side takes each place
            for side in order:
                contacts = work / f"contacts{phase}.csv"
                write_contacts(contacts, args.contacts, phase)
                took = SIDES[side](contacts, phase, work)
                times[side].append(took)
                each = took / args.contacts * 1000
                load = os.getloadavg()[0]
                where = f"round {round_number + 1}, {side:<8}"
                print(f"{where}: {took:7.1f} s ({each:5.1f} ms each, load {load:.1f})")
                phase += 1
        contacts = work / "nogrammar.csv"
        write_contacts(contacts, args.contacts, phase)
        no_grammar = campaign_path(contacts, phase, work, grammar=False)
    mean = {side: sum(t) / len(t) for side, t in times.items()}
    print()
    print(f"contacts per phase               {args.contacts}")
    print(f"plain draft() loop               {mean['baseline']:7.1f} s (mean of {len(times['baseline'])})")
    for side, label in (
        ("batch", "draft_many, all checks, no files"),
        ("campaign", "campaign command, all checks"),
    ):
        print(f"{label:<32} {mean[side]:7.1f} s   ratio {mean['baseline'] / mean[side]:.2f}x")
    print(f"campaign command without grammar {no_grammar:7.1f} s")
    print(f"load average at the end          {os.getloadavg()[0]:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
