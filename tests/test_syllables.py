"""Readability's syllable counts are pyphen's, word for word.

``readability._syllables`` reads pyphen's en_US hyphenation patterns from a trie, walked as an
Aho-Corasick automaton, instead of asking pyphen (which looks up every piece of the word at every
place); the counts must be the same. They are compared on every word of the rule data, the test
data (the evaluation and training sets, the intents), the benchmark's drafts and random strings of
letters and apostrophes.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from askcraft._checks.rules import readability

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def _words() -> set[str]:
    found: set[str] = set()
    for path in [*(ROOT / "tests" / "data").glob("*.yaml"), *(ROOT / "askcraft").rglob("*.yaml")]:
        found |= set(_WORD.findall(path.read_text(encoding="utf-8").lower().replace("\u2019", "'")))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_checks  # noqa: PLC0415  (the benchmark's drafts)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for _, _, body, subject in bench_checks.drafts(1000):
        found |= set(_WORD.findall(f"{body} {subject or ''}".lower()))
    return found


def _pyphen(word: str) -> int:
    return len(readability._hyphenator().positions(word)) + 1


def test_the_trie_reads_pyphens_patterns() -> None:
    assert readability._trie() is not None  # else every word would go through pyphen
    assert readability._automaton() is not None  # the trie read in one pass over a word


def test_counts_are_pyphens_on_every_word_of_the_data() -> None:
    words = _words()
    assert len(words) > 9000
    differ = {w: (readability._syllables.__wrapped__(w), _pyphen(w)) for w in words}
    assert {w: pair for w, pair in differ.items() if pair[0] != pair[1]} == {}


@pytest.mark.parametrize("seed", range(3))
def test_counts_are_pyphens_on_random_letters(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    letters = "etaoinshrdlcumwfgypbvkjxqz'"
    words = {"".join(rng.choices(letters, k=rng.randint(1, 20))) for _ in range(5000)}
    words |= {w.upper() for w in list(words)[:500]}  # pyphen lowercases; so does the trie's reading
    differ = {w: (readability._syllables.__wrapped__(w), _pyphen(w)) for w in words}
    assert {w: pair for w, pair in differ.items() if pair[0] != pair[1]} == {}


def test_a_word_outside_ascii_goes_through_pyphen() -> None:
    for word in ("café", "naïve", "straße", "ﬁnance"):
        assert readability._syllables.__wrapped__(word) == _pyphen(word)
