"""Rules with raw patterns, tried only where a word they can begin with starts, match what finditer does.

``anchors.pattern_first_words`` reads the words a raw pattern's matches can begin with;
``Rule.matches`` then tries the rule's pattern only at those words. A word left out of the set
would lose matches, so every rule of every data file is compared with the plain ``finditer`` of
its pattern, on the rules' own examples and realistic messages, in capitals, with curly
apostrophes and with the letters whose case folds unusually.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from askcraft._checks.rules import base
from askcraft._checks.rules.anchors import pattern_first_words
from askcraft._checks.rules.pairs import pattern_second_words, rule_follow

ROOT = Path(__file__).resolve().parent.parent

EDGES = [
    "My boss is terrible. MY BOSS IS TERRIBLE. my  old manager was a nightmare; dead-end job, dead end job",
    "I hate my job. I can't stand my manager; I\u2019m sick of my boss, I'm fed up with the team",
    "Right away! I'll tell you right away. Quick reply please; a prompt response; SWIFT   turnaround",
    "You owe me. Don't feel you owe me a reply. Any ideas? any thoughts. Any tips on banking?",
    "\u0130mmediately, \u0131mmediately, \u017ftraight away, my bo\u017f\u017f is terrible, \u212anow",
    "re-ASAP ASAP_ _my boss is awful, my_boss is awful, 'my boss is awful', \u201cmy boss is awful\u201d",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?:my|our)\s+boss", {"my", "our"}),
        (r"(?:i\s+)?(?:hate|can't\s+stand)", {"i", "hate", "can't"}),
        (r"(?<!tell you )(?:right away|immediately)", {"right", "immediately"}),
        (r"prompt(?=\s+reply)", {"prompt"}),
        (r"dead[-\s]end\s+job", {"dead"}),
        (r"dogs'\s+home", {"dogs"}),
        (r"thank(?:s|\s+you)?\s+for", {"thank", "thanks"}),
        (r"(?:ab\s)+c", {"ab"}),
    ],
)
def test_first_words_of_a_pattern(pattern: str, words: set[str]) -> None:
    assert pattern_first_words(pattern) == words


@pytest.mark.parametrize(
    "pattern",
    [r"\w+ing", r"thank\w*", r"a\w", r"(?:ab)+c", r"\d{1,3}", r"'s", r"x|-y", "caf\u00e9", r"(a)\1"],
)
def test_patterns_whose_first_word_is_unknown(pattern: str) -> None:
    """A match that may begin with a class, or whose first word may go on, is not anchored."""
    assert pattern_first_words(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "pairs"),
    [
        (r"(?:my|our)\s+(?:old\s+)?boss", {"my": {"old", "boss"}, "our": {"old", "boss"}}),
        (r"(?:i\s+)?(?:hate|can't\s+stand)", {"i": {"hate", "can't"}, "hate": None, "can't": {"stand"}}),
        (r"(?<!tell you )(?:right away|immediately)", {"right": {"away"}, "immediately": None}),
        (r"prompt(?=\s+reply)", {"prompt": None}),
        (r"dead[-\s]end\s+job", {"dead": {"end"}}),
        (r"dogs'\s+home", {"dogs": {"home"}}),
        (r"thank(?:s|\s+you)?\s+for", {"thank": {"you", "for"}, "thanks": {"for"}}),
        (r"(?:ab\s)+c", {"ab": {"ab", "c"}}),
        (r"a,\s*b", {"a": {"b"}}),
        (r"you\s+", {"you": None}),
    ],
)
def test_second_words_of_a_pattern(pattern: str, pairs: dict[str, set[str] | None]) -> None:
    assert pattern_second_words(pattern) == pairs


@pytest.mark.parametrize(
    "pattern", [r"\w+ing", r"my\s+\w+", r"x\s+\d+", r"my\s+(?:ab)+c", r"i\s+'m", "my\\s+caf\u00e9"]
)
def test_patterns_whose_second_word_is_unknown(pattern: str) -> None:
    """A second word that may begin with a class, or go on, is not known: any word may follow."""
    assert pattern_second_words(pattern) is None


def test_a_raw_patterns_first_word_follows_as_its_second_words_say() -> None:
    """A key a phrase and a pattern both start takes the second words of both; one either may end
    with, or whose second word is unknown, takes any word."""
    assert rule_follow(["you better"], [r"you\s+owe\s+me"]) == {"you": {"better", "owe"}}
    assert rule_follow(["you"], [r"you\s+owe\s+me"]) == {}
    assert rule_follow(["you better"], [r"you\s+\w+"]) == {}
    assert rule_follow([], [r"(?:i\s+)?hate\s+it"]) == {"i": {"hate"}, "hate": {"it"}}


def _data_names() -> list[str]:
    names = [p.stem for p in sorted(base.DATA.glob("*.yaml")) if not p.stem.startswith("politeness_")]
    return names + [f"languages/{p.stem}" for p in sorted((base.DATA / "languages").glob("*.yaml"))]


def _texts() -> list[str]:
    texts = list(EDGES)
    for name in _data_names():
        for rule in base.rules(name).values():
            texts += [str(e["text"]) for e in (*rule.flag, *rule.passes)]
    for name, step in (("tone_eval", 1), ("tone_eval_blind", 1), ("tone_train", 3)):
        path = ROOT / "tests" / "data" / f"{name}.yaml"
        if path.is_file():
            items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
            texts += [item["text"] for item in items[::step]]
    return texts + [t.upper() for t in texts] + [t.replace("'", "\u2019") for t in texts]


def test_anchored_rules_match_what_finditer_matches() -> None:
    texts = _texts()
    raw = [rule for name in _data_names() for rule in base.rules(name).values() if rule.raw]
    # The rules with raw patterns are anchored (else this test would compare finditer with itself).
    assert len([rule for rule in raw if rule.keys is not None]) >= 4
    found = 0
    for rule in raw:
        assert rule.pattern is not None
        for text in texts:
            plain = [m.span() for m in rule.pattern.finditer(text)]
            found += len(plain)
            assert [m.span() for m in rule.matches(text)] == plain, (rule.id, text)
    assert found > 200  # the raw patterns do match in these texts


def test_reciprocity_searches_only_where_its_words_start() -> None:
    """The thank-you checks' offers and thanks (a phrase list, raw patterns) find what search finds."""
    from askcraft._checks.rules import reciprocity  # noqa: PLC0415
    from askcraft._checks.rules.anchors import first_match  # noqa: PLC0415

    texts = _texts()
    found = 0
    for pattern, keys in (reciprocity._offers(), reciprocity._thanks_for()):
        assert keys is not None  # anchored (else this compares search with itself)
        for text in texts:
            plain = pattern.search(text)
            anchored = first_match(pattern, keys, text)
            assert (anchored and anchored.span()) == (plain and plain.span()), text
            found += plain is not None
    assert found > 100
