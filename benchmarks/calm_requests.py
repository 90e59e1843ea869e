"""Count the warnings the tone checks raise on requests people rated most polite, and least.

Run from the repository root, with ``../shared`` beside the checkout:

    python benchmarks/calm_requests.py             # counts per rule, rules alone and as shipped
    python benchmarks/calm_requests.py --show 20   # and up to 20 flagged words per rule (polite quarter)

The Stack Exchange part of the Stanford Politeness Corpus (``../shared/data/politeness``) holds
6,603 requests with five people's politeness ratings each. Its most polite quarter (1,650
requests) is a source of calm sentences no askcraft writer chose: a warning there is a false
alarm to read ("Could you better describe...?", "I appreciate the prompt response"), though some
are the corpus's own domain (code words in capitals read as shouting, "Why do you need...?" about
a program). The least polite quarter is shown beside it, for scale: those requests are curt, not
all pushy, so its count is no recall figure. A request is *flagged* when it gets a warning in a
category eval_checks.py counts (politeness, pressure, negativity, patience), read as an email
request with grammar off.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import eval_checks  # noqa: E402

CSV = HERE.parent.parent / "shared" / "data" / "politeness" / "stack-exchange.annotated.csv"


def quarters(path: Path = CSV) -> dict[str, list[str]]:
    """Return the most and the least polite quarter of the corpus's requests, by normalised score."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: float(row["Normalized Score"]))
    size = len(rows) // 4
    most, least = rows[-size:], rows[:size]
    return {"most polite": [r["Request"] for r in most], "least polite": [r["Request"] for r in least]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="flagged words per rule (most polite quarter)")
    args = parser.parse_args()
    if not CSV.exists():
        sys.exit(f"{CSV} not found: run from a checkout with ../shared beside it")
    for name, requests in quarters().items():
        for label, options in (("rules alone", {"pressure.learned": "off"}), ("as shipped", None)):
            rules: Counter[str] = Counter()
            words: defaultdict[str, list[str]] = defaultdict(list)
            flagged = 0
            for number, text in enumerate(requests):
                item = eval_checks.Item(str(number), "request", "email", "gentle", text)
                outcome = eval_checks.check(item, options=options)
                flagged += bool(outcome.counted)
                for finding in outcome.counted:
                    rules[finding.rule] += 1
                    words[finding.rule].append(text[finding.offset : finding.offset + finding.length].strip())
            counts = ", ".join(f"{rule} {n}" for rule, n in rules.most_common())
            print(f"{name} quarter ({len(requests)} requests), {label}: {flagged} flagged ({counts})")
            if args.show and name == "most polite" and options is None:
                for rule, found in sorted(words.items()):
                    print(f"  {rule}: " + " | ".join(w[:60] for w in found[: args.show]))


if __name__ == "__main__":
    main()
