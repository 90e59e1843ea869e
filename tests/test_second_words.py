"""A phrase is tried only where the next word can be its second word, and nothing it finds changes.

In an ASCII text, the words of a phrase are the text's words where the phrase matches, so the
politeness model (``tone_model._word_pass``) and the checkers' phrase rules (``Rule.matches``
through ``anchors.anchored_matches``) skip a key word whose next word no phrase starting with it
has second. These tests build texts from every phrase of the rule data (as it is, in other
cases, across a line break, run on into another word, with its second word changed or left out)
and compare what is found with the plain search: the pattern tried at every key word (the
model) or ``finditer`` (the checkers).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from test_tone_equivalence import _anchored

from askcraft._checks import tone_model
from askcraft._checks.rules.anchors import second_words
from askcraft._checks.rules.base import rules
from askcraft._checks.rules.pairs import rule_follow

DATA = Path(__file__).resolve().parent.parent / "askcraft" / "_checks" / "rules" / "data"


def _variants(phrase: str) -> Iterator[str]:
    words = phrase.split()
    yield phrase
    yield f"Well, {phrase} then."
    yield phrase.upper()
    yield phrase.title()
    yield "\n  ".join(words)
    yield phrase + "s and more"
    yield f"I said {phrase}-like things"
    if len(words) > 1:
        yield " ".join([words[0], "zzz", *words[2:]])
        yield " ".join([words[0], *words[2:]])
        yield f"{words[0]}, {' '.join(words[1:])}"
        yield f"{words[0]}'s {' '.join(words[1:])}"


def _checker_phrases() -> dict[str, list[str]]:
    found = {}
    for path in sorted(DATA.glob("*.yaml")):
        spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule_id, entry in (spec.get("rules") or {}).items():
            if (entry or {}).get("phrases"):
                found[rule_id] = [str(p) for p in entry["phrases"]]
    return found


def test_checker_phrase_rules_find_what_finditer_finds() -> None:
    all_rules = {}
    for path in sorted(DATA.glob("*.yaml")):
        if not path.stem.startswith("politeness_"):
            all_rules.update(rules(path.stem))
    phrases = [p for found in _checker_phrases().values() for p in found]
    checked = 0
    texts = [v for p in phrases for v in _variants(p)]
    for rule in all_rules.values():
        if rule.pattern is None or not rule.follow:
            continue
        checked += 1
        for text in texts:
            fast = [m.span() for m in rule.matches(text)]
            assert fast == [m.span() for m in rule.pattern.finditer(text)], (rule.id, text)
    assert checked >= 3


def test_politeness_phrases_find_what_each_pattern_finds() -> None:
    spec = yaml.safe_load((DATA / "politeness_strategies.yaml").read_text(encoding="utf-8"))
    lexicons = yaml.safe_load((DATA / "politeness_lexicons.yaml").read_text(encoding="utf-8"))
    phrases = []
    for entry in spec["strategies"].values():
        phrases += [str(p) for p in entry.get("phrases", [])]
        phrases += [str(p) for p in lexicons.get(entry.get("phrase_list", ""), [])]
    texts = [v for p in phrases for v in _variants(p)]
    assert len(texts) > 1000
    model_rules = tone_model._rules()
    for text in texts:
        found = tone_model.words(text)
        _, hits = tone_model._word_pass(text)
        for number, rule in enumerate(model_rules):
            if rule.phrases is None or not rule.anchored:
                continue
            plain = [m.span() for m in _anchored(rule.phrases, rule.keys, text, found)]
            assert hits.get(number, []) == plain, (rule.name, text)


def test_second_words() -> None:
    assert second_words(["thank you", "thank you so much", "thanks a lot"]) == (
        ("thank", frozenset({"you"})),
        ("thanks", frozenset({"a"})),
    )
    # A key that is a phrase by itself, or starts a phrase that is not ASCII: anything may follow.
    assert dict(second_words(["sorry", "sorry to bother", "caf\u00e9 time", "cafe time"]))["sorry"] is None
    assert dict(second_words(["caf\u00e9 time"]))["caf\u00e9"] is None
    assert dict(second_words(["i'm sorry", "co-worker of mine"])) == {
        "i'm": frozenset({"sorry"}),
        "co": frozenset({"worker"}),
    }
    # A raw pattern may start with the key: anything may follow it.
    assert rule_follow(["my boss", "my manager", "our team"], [r"(?:my|their)\s+\w+"]) == {
        "our": frozenset({"team"})
    }
