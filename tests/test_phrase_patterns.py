"""Phrase patterns written for speed match exactly what the plain case-insensitive pattern matches.

``base.phrase_pattern`` spells each letter of an ASCII phrase as a class inside a case-sensitive
group and puts phrases that share a first character behind it (see its docstring). The reference
below is the plain form it replaced. Both must find the same spans, in the same order, for every
phrase list in the rule data, on realistic messages and on the characters where case folding is
unusual.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from askcraft._checks.rules import base

ROOT = Path(__file__).resolve().parent.parent
_APOSTROPHES = "'\u2019"

EDGES = [
    "AS SOON AS POSSIBLE, as  soon\tas possible, As Soon As You Can! asap, A.S.A.P, a.s.a.p.",
    "\u0130mmediately, \u0131mmediately, \u017ftraight away, \u212anow anyone? ASAP-ish, re-ASAP, ASAP_",
    "I\u2019d appreciate any leads; any help would be great!! Any openings? any ideas?",
    "my boss is terrible, MY BOSS IS TERRIBLE, my  old   manager was a nightmare, dead-end job",
    "Could you introduce me to 3 people in banking or three recruiters at Globex?",
    "Caf\u00e9 \u00dcber STRASSE stra\u00dfe \u03a3\u03bf\u03c6\u03af\u03b1 \U0001f600 -- '' \u2019\u2019",
    "",
]


def _reference(phrases: list[str], patterns: list[str] | None = None) -> re.Pattern[str]:
    """Return the pattern as it was first written: every phrase an alternative, case-insensitive."""
    parts = []
    for phrase in sorted({str(p).lower() for p in phrases}, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        parts.append(body.replace("'", f"[{_APOSTROPHES}]"))
    parts.extend(patterns or [])
    joined = "|".join(parts)
    return re.compile(rf"(?<![\w{_APOSTROPHES}-])(?:{joined})(?![\w{_APOSTROPHES}]|-\w)", re.IGNORECASE)


def _phrase_lists() -> Iterator[tuple[str, list[str], list[str] | None]]:
    """Yield every list of phrases (with its raw patterns) in the rule data files."""
    for path in sorted(base.DATA.glob("*.yaml")):
        spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule_id, raw in (spec.get("rules") or {}).items():
            entry = raw or {}
            if entry.get("phrases") or entry.get("patterns"):
                yield rule_id, list(entry.get("phrases", [])), list(entry.get("patterns", []))
        for name, values in (spec.get("lexicon") or {}).items():
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                yield f"{path.stem}.{name}", values, None
            elif isinstance(values, dict):
                yield f"{path.stem}.{name}", [str(k) for k in values], None
    yield "mixed", ["caf\u00e9", "cafe", "co-op", "a", "3 people", "it's", "don't"], None
    yield "one letter and digits", ["a", "i", "k", "s", "24 hours", "9am"], [r"\d+\s*pm"]


def _texts() -> list[str]:
    texts = list(EDGES)
    for name, step in (("tone_eval", 1), ("tone_eval_blind", 1), ("tone_train", 5)):
        path = ROOT / "tests" / "data" / f"{name}.yaml"
        if path.is_file():
            items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
            texts += [item["text"] for item in items[::step]]
    return texts + [t.upper() for t in texts] + [t.replace("'", "\u2019") for t in texts]


def test_phrase_patterns_match_what_the_plain_pattern_matches() -> None:
    """Every phrase list of the rule data finds the same spans with the fast and the plain pattern."""
    texts = _texts()
    lists = list(_phrase_lists())
    assert len(texts) > 1500
    assert len(lists) > 20
    for name, phrases, patterns in lists:
        fast, plain = base.phrase_pattern(phrases, patterns), _reference(phrases, patterns)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (
                name,
                text,
            )


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="needs every code point")
def test_only_the_listed_letters_fold_to_ascii() -> None:
    """No other non-ASCII character matches an ASCII letter case-insensitively (the list is complete)."""
    letters = re.compile(r"[a-z]", re.IGNORECASE)
    folding = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if letters.fullmatch(chr(c)))
    assert folding == base.FOLDS
