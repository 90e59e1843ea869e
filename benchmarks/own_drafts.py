"""How often the learned pressure model (pressure.pushy) warns on askcraft's own drafts.

Run from the repository root:  python benchmarks/own_drafts.py [--details]
askcraft's drafts are meant to be sendable as they are, so a model switched on by default must
flag none of them. Three held-out sets of drafts, none of them used to fit the model:

* the awkward-intents corpus (tests/data/awkward_intents.yaml), each item in its default variant
  and in every variant of its kind and channel;
* the 1,000 drafts of the speed benchmark (benchmarks/bench_checks.py);
* every golden draft (tests/test_golden.py: each built-in variant for its three fixed intents).

Prints, per set, the drafts and sentences with a `pressure.pushy` finding (model on).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import askcraft  # noqa: E402
from askcraft.packs import builtin_pack  # noqa: E402

ON = {"pressure.learned": "on"}


def _variants(kind: str, channel: str) -> list[str]:
    found: list[str] = []
    for entry in builtin_pack().manifest.templates:
        if kind in entry.kinds and channel in entry.channels and entry.language in (None, "en"):
            found.extend(v for v in entry.variants if v not in found)
    return found


def awkward(every_variant: bool) -> Iterator[tuple[str, askcraft.Draft]]:
    """Draft every draftable item of the awkward-intents corpus (default variant, or every one)."""
    import test_awkward_corpus as corpus  # noqa: PLC0415

    for item in corpus.DRAFTABLE:
        data = corpus.intent_data(item)
        variants = _variants(item["kind"], item["channel"]) if every_variant else [None]
        for variant in variants:
            draft = askcraft.draft(
                data, variant=variant, check=True, grammar=False, options=ON, today=corpus.TODAY
            )
            yield f"{item['id']}/{variant or 'default'}", draft


def golden() -> Iterator[tuple[str, askcraft.Draft]]:
    """Draft every golden combination (kind, channel, goal, variant) for the golden intents."""
    import test_golden as gold  # noqa: PLC0415

    for kind, channel, goal, variant in gold.COMBINATIONS:
        for name, fields in gold.INTENTS.items():
            intent = askcraft.Intent.parse({**fields, "kind": kind, "goal": goal, "channel": channel})
            if not intent.language.lower().startswith("en"):
                continue
            draft = askcraft.draft(
                intent, variant=variant, check=True, grammar=False, options=ON, today=gold.TODAY
            )
            yield f"{kind}/{channel}/{goal}/{variant}/{name}", draft


def bench() -> Iterator[tuple[str, list[Any]]]:
    """Check the speed benchmark's 1,000 drafts as the benchmark does (run_checks, no grammar)."""
    import bench_checks  # noqa: PLC0415

    for i, (kind, channel, body, subject) in enumerate(bench_checks.drafts(1000)):
        found = askcraft.check(
            body,
            kind=kind,
            channel=channel,
            subject=subject,
            grammar=False,
            send_date=bench_checks.TODAY,
            options=ON,
        )
        yield f"bench-{i}", [f for f in found if f.rule == "pressure.pushy"], body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--details", action="store_true", help="print each flagged sentence")
    args = parser.parse_args()
    sets: dict[str, Iterator[tuple[str, list[Any], str]]] = {
        "awkward-intents drafts (default variant)": _flagged(awkward(every_variant=False)),
        "awkward-intents drafts (every variant)": _flagged(awkward(every_variant=True)),
        "speed benchmark drafts": bench(),
        "golden drafts (English)": _flagged(golden()),
    }
    for name, results in sets.items():
        drafts = flagged = 0
        sentences: dict[str, int] = {}
        for label, found, text in results:
            drafts += 1
            flagged += bool(found)
            for f in found:
                said = text[f.offset : f.offset + f.length]
                sentences[said] = sentences.get(said, 0) + 1
                if args.details:
                    print(f"  {label}: {said!r} {f.message}")
        print(f"{name}: {flagged} of {drafts} drafts flagged, {len(sentences)} distinct sentences")
        for said, n in sorted(sentences.items(), key=lambda kv: -kv[1]):
            print(f"    {n} x {said!r}")


def _flagged(drafts: Iterator[tuple[str, askcraft.Draft]]) -> Iterator[tuple[str, list[Any], str]]:
    for label, draft in drafts:
        yield label, [f for f in draft.findings if f.rule == "pressure.pushy"], draft.body


if __name__ == "__main__":
    main()
