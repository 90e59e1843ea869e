"""Measure the tone checks on the labelled evaluation set: are pushy messages flagged, gentle ones left alone?

Run from the repository root:

    python benchmarks/eval_checks.py               # figures per category, kind, channel, trap and rule
    python benchmarks/eval_checks.py --details     # and every miss and false alarm, with the words
    python benchmarks/eval_checks.py --json eval.json
    python benchmarks/eval_checks.py --part held-out   # only the half nobody tunes on

Halves. Every message belongs to one of two fixed halves, chosen by a hash of its id (``part``):
``dev`` and ``held-out``. Whoever works on the rules may read the dev half's misses and false
alarms (``--part dev --details``) to learn which kinds of wording the rules miss, and then writes
constructions and new examples for that kind of wording, never the message's own words. The
held-out half's details are not read: its figures say how the rules do on messages nobody looked
at while writing them, so a gap between the halves shows how much the dev figures flatter.

The set is tests/data/tone_eval.yaml (its header explains the labels and fields). Each message
goes through ``askcraft.check(text, kind=..., channel=..., subject=..., grammar=False, ...)``;
reminders that carry ``sent_on``/``send_date`` pass them as the ``patience.sent_on`` option and
``send_date``, so the patience rules see real dates.

What counts as a warning. A message is *flagged* when it gets at least one finding of severity
``warning`` or ``error`` in a category that claims the message sounds pushy, curt or negative:
``politeness``, ``pressure``, ``negativity`` and ``patience`` (COUNTED below). Not counted:
suggestions and notices of any category (they do not warn), ``length``, ``readability``,
``questions``, ``reciprocity``, grammar and spelling (they judge form, not pressure), and
``specificity`` and ``ask-size`` warnings: they judge whether the ask is concrete and small, which
a perfectly gentle message can get wrong ("Do you know anyone at Kaiser?"), and a pushy message
that only they catch has not been caught for its pressure. Those uncounted warnings are still
listed for gentle messages, so nothing is hidden; ``--count specificity --count ask-size`` adds
them to the counted categories.

Figures (all shares of messages, not of findings, unless said):
- pushy flagged (recall): pushy messages with a counted finding; per category, of the pushy
  messages that show that category.
- at the words: pushy messages with a counted finding whose span overlaps the excerpt the label
  names for that category (``evidence``): caught for the right reason, not by luck.
- gentle clean: gentle messages with no counted finding.
- precision: flagged messages that are pushy. The set is about half pushy, half gentle, so this
  is the precision on an even mix, not on what users write.
- per rule: the pushy and gentle messages each rule fired on (the gentle ones are false alarms).

Issue 10's targets: at least 95% of pushy messages flagged and at least 95% of gentle ones clean.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import askcraft  # noqa: E402  (after the path, so the checkout's askcraft is measured)

SET = ROOT / "tests" / "data" / "tone_eval.yaml"
#: Finding categories whose warnings and errors say a message is pushy, curt or negative.
COUNTED = ("politeness", "pressure", "negativity", "patience")
#: The other finding categories (askcraft.Finding.category), which --count can add.
UNCOUNTED = (
    "specificity",
    "ask-size",
    "questions",
    "reciprocity",
    "length",
    "readability",
    "grammar",
    "spelling",
)
#: Severities that warn; suggestions and notices do not.
WARNING_SEVERITIES = ("error", "warning")
#: What can make a message pushy (the labels' vocabulary, fixed).
PUSHY_CATEGORIES = (
    "deadline",
    "urgency",
    "guilt",
    "demand",
    "desperation",
    "ultimatum",
    "shouting",
    "negativity",
)
#: Hard negatives a gentle message may be labelled with.
TRAPS = (
    "acronym",
    "please-offer",
    "mid-please",
    "still-waiting-news",
    "today-not-deadline",
    "date-not-deadline",
    "employer-process",
    "relocation",
    "honest-reason",
    "warm-exclamation",
    "learning-list",
    "pleasantry-imperative",
    "urgency-word",
    "follow-up",
)
TARGET = 0.95
#: The two halves of the set (see the module docstring).
PARTS = ("dev", "held-out")


def part(item_id: str) -> str:
    """Return the half a message belongs to: fixed by its id, so adding messages moves none."""
    return PARTS[hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2]


@dataclasses.dataclass(frozen=True)
class Item:
    """One labelled message of the evaluation set."""

    id: str
    kind: str
    channel: str
    label: str
    text: str
    categories: tuple[str, ...] = ()
    evidence: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    traps: tuple[str, ...] = ()
    subject: str | None = None
    sent_on: dt.date | None = None
    send_date: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What the checks said about one item."""

    item: Item
    counted: tuple[askcraft.Finding, ...]  # warnings and errors in the counted categories
    other_warnings: tuple[askcraft.Finding, ...]  # warnings and errors that are not counted

    @property
    def flagged(self) -> bool:
        return bool(self.counted)

    def at_words(self, category: str | None = None) -> bool:
        """Say whether a counted finding overlaps the evidence (of *category*, or of any)."""
        cats = [category] if category else list(self.item.evidence)
        spans = [span for cat in cats for span in _spans(self.item.text, self.item.evidence.get(cat, ()))]
        return any(
            f.field == "body" and f.length and f.offset < end and start < f.offset + f.length
            for f in self.counted
            for start, end in spans
        )


def _spans(text: str, excerpts: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for excerpt in excerpts:
        start = text.find(excerpt)
        while start != -1:
            spans.append((start, start + len(excerpt)))
            start = text.find(excerpt, start + 1)
    return spans


def _date(value: object) -> dt.date | None:
    """Return a date written either as a YAML date or as a quoted 'YYYY-MM-DD'."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def load(path: Path = SET) -> list[Item]:
    """Read the evaluation set (tests/test_tone_eval.py checks its schema)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    items = []
    for entry in raw:
        evidence = {
            cat: (words,) if isinstance(words, str) else tuple(words)
            for cat, words in (entry.get("evidence") or {}).items()
        }
        items.append(
            Item(
                id=entry["id"],
                kind=entry["kind"],
                channel=entry["channel"],
                label=entry["label"],
                text=entry["text"],
                categories=tuple(entry.get("categories") or ()),
                evidence=evidence,
                traps=tuple(entry.get("traps") or ()),
                subject=entry.get("subject"),
                sent_on=_date(entry.get("sent_on")),
                send_date=_date(entry.get("send_date")),
            )
        )
    return items


def check(
    item: Item,
    counted: Sequence[str] = COUNTED,
    disable: Sequence[str] = (),
    options: Mapping[str, str] | None = None,
) -> Outcome:
    """Run askcraft's checks (no grammar) on one item and sort its warnings."""
    options = {**(options or {}), **({"patience.sent_on": item.sent_on.isoformat()} if item.sent_on else {})}
    findings = askcraft.check(
        item.text,
        kind=item.kind,
        channel=item.channel,
        subject=item.subject,
        grammar=False,
        options=options,
        send_date=item.send_date,
        disable=list(disable),
    )
    warnings = [f for f in findings if f.severity in WARNING_SEVERITIES]
    return Outcome(
        item,
        counted=tuple(f for f in warnings if f.category in counted),
        other_warnings=tuple(f for f in warnings if f.category not in counted),
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def measure(
    items: Sequence[Item],
    counted: Sequence[str] = COUNTED,
    *,
    which: str = "all",
    disable: Sequence[str] = (),
    options: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Check every item (of the half *which*, or ``all``) and return the figures (JSON-ready)."""
    items = [item for item in items if which == "all" or part(item.id) == which]
    outcomes = [check(item, counted, disable, options) for item in items]
    pushy = [o for o in outcomes if o.item.label == "pushy"]
    gentle = [o for o in outcomes if o.item.label == "gentle"]
    flagged = [o for o in outcomes if o.flagged]
    findings_on = Counter(o.item.label for o in outcomes for _ in o.counted)

    def split(outs: Sequence[Outcome]) -> dict[str, Any]:
        p = [o for o in outs if o.item.label == "pushy"]
        g = [o for o in outs if o.item.label == "gentle"]
        return {
            "pushy": len(p),
            "pushy_flagged": _share(sum(o.flagged for o in p), len(p)),
            "gentle": len(g),
            "gentle_clean": _share(sum(not o.flagged for o in g), len(g)),
        }

    by_category = {}
    for cat in PUSHY_CATEGORIES:
        outs = [o for o in pushy if cat in o.item.categories]
        caught = sum(o.flagged for o in outs)
        at_words = sum(o.at_words(cat) for o in outs)
        by_category[cat] = {
            "items": len(outs),
            "flagged": caught,
            "recall": _share(caught, len(outs)),
            "at_words": at_words,
            "recall_at_words": _share(at_words, len(outs)),
        }

    by_trap = {}
    for trap in TRAPS:
        outs = [o for o in gentle if trap in o.item.traps]
        clean = sum(not o.flagged for o in outs)
        by_trap[trap] = {"items": len(outs), "clean": clean, "gentle_clean": _share(clean, len(outs))}

    fired: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"pushy": set(), "gentle": set()})
    for o in outcomes:
        for f in o.counted:
            fired[f.rule][o.item.label].add(o.item.id)
    by_rule = {
        rule: {
            "on_pushy": len(on["pushy"]),
            "on_gentle": len(on["gentle"]),
            "precision": _share(len(on["pushy"]), len(on["pushy"]) + len(on["gentle"])),
            "false_alarms": sorted(on["gentle"]),
        }
        for rule, on in sorted(fired.items(), key=lambda kv: (-len(kv[1]["gentle"]), kv[0]))
    }

    return {
        "set": str(SET.relative_to(ROOT)),
        "part": which,
        "askcraft": _version(),
        "counted": {"categories": list(counted), "severities": list(WARNING_SEVERITIES)},
        "targets": {"pushy_flagged": TARGET, "gentle_clean": TARGET},
        "overall": {
            "pushy": len(pushy),
            "gentle": len(gentle),
            "pushy_flagged": _share(sum(o.flagged for o in pushy), len(pushy)),
            "pushy_flagged_at_words": _share(sum(o.at_words() for o in pushy), len(pushy)),
            "gentle_clean": _share(sum(not o.flagged for o in gentle), len(gentle)),
            "precision": _share(sum(o.item.label == "pushy" for o in flagged), len(flagged)),
            "finding_precision": _share(findings_on["pushy"], findings_on["pushy"] + findings_on["gentle"]),
        },
        "by_category": by_category,
        "by_kind": {k: split([o for o in outcomes if o.item.kind == k]) for k in _order(items, "kind")},
        "by_channel": {
            c: split([o for o in outcomes if o.item.channel == c]) for c in _order(items, "channel")
        },
        "by_trap": by_trap,
        "by_rule": by_rule,
        "misses": [
            {"id": o.item.id, "categories": list(o.item.categories), "evidence": _flat(o.item.evidence)}
            for o in pushy
            if not o.flagged
        ],
        "missed_words": [
            {"id": o.item.id, "category": cat, "evidence": list(o.item.evidence[cat])}
            for o in pushy
            for cat in o.item.categories
            if not o.at_words(cat)
        ],
        "false_alarms": [
            {"id": o.item.id, "rule": f.rule, "excerpt": f.excerpt(_source(o.item, f))}
            for o in gentle
            for f in o.counted
        ],
        "uncounted_warnings_on_gentle": dict(
            Counter(f.rule for o in gentle for f in o.other_warnings).most_common()
        ),
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("askcraft")
    except PackageNotFoundError:
        return "unknown"


def _order(items: Sequence[Item], field: str) -> list[str]:
    return list(dict.fromkeys(getattr(item, field) for item in items))


def _flat(evidence: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    return {cat: list(words) for cat, words in evidence.items()}


def _source(item: Item, finding: askcraft.Finding) -> str:
    return (item.subject or "") if finding.field == "subject" else item.text


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:3.0f}%"


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def report(figures: dict[str, Any], *, details: bool = False) -> str:
    """Return the figures as plain-text tables."""
    o = figures["overall"]
    lines = [
        f"askcraft {figures['askcraft']} on {figures['set']} ({figures['part']}): "
        f"{o['pushy']} pushy, {o['gentle']} gentle",
        f"counted: {' and '.join(figures['counted']['severities'])} findings in "
        f"{', '.join(figures['counted']['categories'])}",
        "",
        f"pushy flagged      {_pct(o['pushy_flagged'])}   (target {_pct(TARGET)}; "
        f"at the words: {_pct(o['pushy_flagged_at_words'])})",
        f"gentle clean       {_pct(o['gentle_clean'])}   (target {_pct(TARGET)})",
        f"precision          {_pct(o['precision'])}   (of flagged messages; of findings: "
        f"{_pct(o['finding_precision'])})",
        "",
        f"{'category':<14}{'items':>6}{'flagged':>9}{'at words':>10}",
    ]
    for cat, row in figures["by_category"].items():
        lines.append(f"{cat:<14}{row['items']:>6}{_pct(row['recall']):>9}{_pct(row['recall_at_words']):>10}")
    for title, table in (("kind", figures["by_kind"]), ("channel", figures["by_channel"])):
        lines += ["", f"{title:<26}{'pushy':>6}{'flagged':>9}{'gentle':>8}{'clean':>7}"]
        for name, row in table.items():
            lines.append(
                f"{name:<26}{row['pushy']:>6}{_pct(row['pushy_flagged']):>9}"
                f"{row['gentle']:>8}{_pct(row['gentle_clean']):>7}"
            )
    lines += ["", f"{'gentle trap':<24}{'items':>6}{'clean':>7}"]
    for trap, row in figures["by_trap"].items():
        lines.append(f"{trap:<24}{row['items']:>6}{_pct(row['gentle_clean']):>7}")
    lines += ["", f"{'rule':<28}{'pushy':>6}{'gentle':>7}{'prec.':>7}  false alarms on"]
    for rule, row in figures["by_rule"].items():
        lines.append(
            f"{rule:<28}{row['on_pushy']:>6}{row['on_gentle']:>7}{_pct(row['precision']):>7}  "
            + ", ".join(row["false_alarms"])
        )
    other = figures["uncounted_warnings_on_gentle"]
    if other:
        lines += [
            "",
            "not counted, on gentle messages: " + ", ".join(f"{rule} {n}" for rule, n in other.items()),
        ]
    if details:
        lines += ["", f"misses ({len(figures['misses'])} pushy messages with no counted finding):"]
        for miss in figures["misses"]:
            for cat, words in miss["evidence"].items():
                lines.append(f"  {miss['id']:<36} {cat:<12} {_short(' | '.join(words))}")
        lines += ["", f"false alarms ({len(figures['false_alarms'])} findings on gentle messages):"]
        for alarm in figures["false_alarms"]:
            lines.append(f"  {alarm['id']:<36} {alarm['rule']:<26} {_short(alarm['excerpt'])!r}")
        caught_elsewhere = [
            m for m in figures["missed_words"] if m["id"] not in {x["id"] for x in figures["misses"]}
        ]
        lines += ["", f"flagged, but not at these words ({len(caught_elsewhere)}):"]
        for miss in caught_elsewhere:
            lines.append(f"  {miss['id']:<36} {miss['category']:<12} {_short(' | '.join(miss['evidence']))}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures to PATH")
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm")
    parser.add_argument(
        "--count",
        action="append",
        default=[],
        choices=UNCOUNTED,
        metavar="CATEGORY",
        help=f"also count warnings of this finding category ({', '.join(UNCOUNTED)})",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch a rule or group off (e.g. pressure.pushy: the rules without the learned model)",
    )
    parser.add_argument(
        "--learned",
        action="store_true",
        help="switch the learned model on (the option pressure.learned=on)",
    )
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="switch the learned model off (the option pressure.learned=off): the rules alone",
    )
    parser.add_argument(
        "--set",
        type=Path,
        default=SET,
        metavar="PATH",
        help="the labelled set to measure (default: tests/data/tone_eval.yaml)",
    )
    parser.add_argument(
        "--part",
        choices=("all", *PARTS),
        default="all",
        help="measure one half of the set only (read the held-out half's figures, not its details)",
    )
    args = parser.parse_args(argv)
    figures = measure(
        load(args.set),
        counted=(*COUNTED, *args.count),
        which=args.part,
        disable=args.disable,
        # The checks as they ship (the learned model on) unless told otherwise.
        options={"pressure.learned": "off" if args.rules_only else "on"}
        if args.rules_only or args.learned
        else {},
    )
    path = args.set.resolve()
    figures["set"] = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    print(report(figures, details=args.details))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
