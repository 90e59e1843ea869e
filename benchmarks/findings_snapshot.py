"""Record every non-grammar finding and politeness reading on a fixed set of texts, to compare code paths.

A speed change must not change a single finding. Run this on the code before and after the
change (the same rule data), then compare the two files:

    python benchmarks/findings_snapshot.py --root /path/to/reference/checkout --out before.json
    python benchmarks/findings_snapshot.py --out after.json
    python benchmarks/findings_snapshot.py --compare before.json after.json

``--root`` imports askcraft (its code, rule data and templates) from another checkout, for
example a ``git worktree`` of the commit the change is based on. The texts:

- the 1,000 drafted messages of ``bench_checks.py``;
- every message of ``tests/data/tone_eval.yaml``, ``tone_eval_blind.yaml`` and ``tone_train.yaml``
  (checked as ``benchmarks/eval_checks.py`` does; the last two with the learned model off and on);
- every rule's examples, that must flag and must pass (``askcraft/_checks/rules/data/*.yaml``
  and the other languages' ``data/languages/*.yaml``);
- the drafts ``tests/test_golden.py`` renders, checked as ``askcraft.draft`` checks them;
- the 6,603 Stack Exchange requests of the politeness corpus, when ``../shared/data/politeness``
  is there;
- variants of those messages and of the rule examples: curly apostrophes, all lower case, all
  capitals, each sentence alone (tokenising and sentence edges are where speed-ups go wrong).

For each: every finding (rule, offset, length, severity, message, replacements, also, field),
the politeness score (exactly, as ``repr``) and every strategy (name, span, weight, label).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
POLITENESS_CSV = HERE.parent.parent.parent / "shared" / "data" / "politeness" / "stack-exchange.annotated.csv"
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _import(root: Path) -> None:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(HERE))
    for name in [m for m in sys.modules if m == "askcraft" or m.startswith("askcraft.")]:
        del sys.modules[name]
    importlib.import_module("askcraft")
    loaded = Path(sys.modules["askcraft"].__file__ or "").resolve()
    if not loaded.is_relative_to(root.resolve()):
        raise SystemExit(f"askcraft was imported from {loaded}, not from {root}")


def _cases(root: Path) -> Iterator[tuple[str, Any]]:  # noqa: PLR0912  (one loop per source)
    """Yield ``(id, context)`` for every text the snapshot records."""
    import yaml  # noqa: PLC0415

    import askcraft  # noqa: PLC0415
    from askcraft._checks.context import CheckContext, check_context  # noqa: PLC0415
    from askcraft._checks.rules.base import example_context  # noqa: PLC0415

    bench = importlib.import_module("bench_checks")
    for i, (kind, channel, body, subject) in enumerate(bench.drafts(1000)):
        yield (
            f"bench/{i}",
            CheckContext(text=body, kind=kind, channel=channel, subject=subject, send_date=bench.TODAY),
        )

    variants: list[tuple[str, str, str]] = []  # (id, kind, text) to vary below
    for set_name in ("tone_eval", "tone_eval_blind", "tone_train"):
        path = root / "tests" / "data" / f"{set_name}.yaml"
        if not path.is_file():
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            sent_on = {"patience.sent_on": item["sent_on"].isoformat()} if item.get("sent_on") else {}
            for learned in ("default",) if set_name == "tone_eval" else ("off", "on"):
                options = sent_on if learned == "default" else {**sent_on, "pressure.learned": learned}
                yield (
                    f"{set_name}/{item['id']}/{learned}",
                    check_context(
                        item["text"],
                        kind=item["kind"],
                        channel=item["channel"],
                        subject=item.get("subject"),
                        options=options,
                        send_date=item.get("send_date") or date(2026, 11, 12),
                    ),
                )
            variants.append((f"{set_name}/{item['id']}", item["kind"], item["text"]))

    data = root / "askcraft" / "_checks" / "rules" / "data"
    for path in sorted([*data.glob("*.yaml"), *data.glob("languages/*.yaml")]):
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule_id, entry in (spec.get("rules") or {}).items():
            examples = (entry or {}).get("examples") or {}
            for which in ("flag", "pass"):
                for n, raw in enumerate(examples.get(which) or []):
                    example = {"text": raw} if isinstance(raw, str) else dict(raw)
                    name = f"example/{path.relative_to(data)}/{rule_id}/{which}/{n}"
                    ctx = example_context(example)
                    if "language" in example:
                        ctx = CheckContext(**{**ctx.__dict__, "language": example["language"]})
                    elif path.parent.name == "languages":
                        ctx = CheckContext(**{**ctx.__dict__, "language": path.stem})
                    yield name, ctx
                    variants.append((name, ctx.kind, ctx.text))

    spec = importlib.util.spec_from_file_location("_golden", root / "tests" / "test_golden.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {root / 'tests' / 'test_golden.py'}")
    golden = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(golden)
    for kind, channel, goal, variant in golden.COMBINATIONS:
        for person, fields in golden.INTENTS.items():
            intent = askcraft.Intent.parse({**fields, "kind": kind, "goal": goal, "channel": channel})
            yield f"golden/{kind}/{channel}/{goal}/{variant}/{person}", (intent, variant)

    if POLITENESS_CSV.is_file():
        with POLITENESS_CSV.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                yield f"stack-exchange/{n}", CheckContext(text=row["Request"])

    for name, kind, text in variants:
        yield f"{name}~curly", CheckContext(text=text.replace("'", "\u2019"), kind=kind)
        yield f"{name}~lower", CheckContext(text=text.lower(), kind=kind)
        yield f"{name}~upper", CheckContext(text=text.upper(), kind=kind)
        for k, sentence in enumerate(s for s in _SENTENCE.split(text) if s.strip()):
            yield f"{name}~sentence{k}", CheckContext(text=sentence, kind=kind)


def snapshot(root: Path) -> dict[str, Any]:
    """Return every recorded reading, by case id."""
    _import(root)
    import askcraft  # noqa: PLC0415
    from askcraft._checks.registry import run_checks  # noqa: PLC0415
    from askcraft._checks.tone_model import politeness, strategies  # noqa: PLC0415

    out: dict[str, Any] = {}
    for name, case in _cases(root):
        if isinstance(case, tuple):
            intent, variant = case
            draft = askcraft.draft(intent, variant=variant, grammar=False, today=date(2026, 11, 12))
            text, findings = draft.body, list(draft.findings)
        else:
            text, findings = case.text, run_checks(case, grammar=False)
        if name in out:
            raise SystemExit(f"two cases named {name}")
        out[name] = {
            "findings": [f.to_dict() for f in findings],
            "politeness": repr(politeness(text)),
            "strategies": [
                [s.name, s.offset, s.length, repr(s.weight), s.label, s.impolite] for s in strategies(text)
            ],
        }
    return out


def compare(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Print every difference between two snapshots; return how many cases differ."""
    differ = 0
    for name in sorted(before.keys() | after.keys()):
        if before.get(name) != after.get(name):
            differ += 1
            if differ <= 20:
                print(f"--- {name}\n  before: {json.dumps(before.get(name))[:2000]}")
                print(f"  after:  {json.dumps(after.get(name))[:2000]}")
    print(f"{len(before)} cases before, {len(after)} after, {differ} differ")
    return differ


def main() -> None:
    """Write a snapshot, or compare two."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose askcraft to run")
    parser.add_argument("--out", type=Path, help="where to write the snapshot (JSON)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        sys.exit(1 if compare(before, after) else 0)
    if args.out is None:
        parser.error("give --out FILE or --compare BEFORE AFTER")
    data = snapshot(args.root.resolve())
    args.out.write_text(json.dumps(data, sort_keys=True, indent=0), encoding="utf-8")
    n = sum(len(v["findings"]) for v in data.values())
    print(f"{len(data)} cases, {n} findings -> {args.out}")


if __name__ == "__main__":
    main()
