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
    differ = {w: (readability._syllables(w), _pyphen(w)) for w in words}
    assert {w: pair for w, pair in differ.items() if pair[0] != pair[1]} == {}


@pytest.mark.parametrize("seed", range(3))
def test_counts_are_pyphens_on_random_letters(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    letters = "etaoinshrdlcumwfgypbvkjxqz'"
    words = {"".join(rng.choices(letters, k=rng.randint(1, 20))) for _ in range(5000)}
    words |= {w.upper() for w in list(words)[:500]}  # pyphen lowercases; so does the trie's reading
    differ = {w: (readability._syllables(w), _pyphen(w)) for w in words}
    assert {w: pair for w, pair in differ.items() if pair[0] != pair[1]} == {}


def test_a_word_outside_ascii_goes_through_pyphen() -> None:
    for word in ("café", "naïve", "straße", "ﬁnance"):
        assert readability._syllables(word) == _pyphen(word)


@pytest.mark.parametrize("seed", range(3))
def test_a_word_has_at_most_one_syllable_more_than_its_letters_less_three(seed: int) -> None:
    """What readability's shortcut rests on: pyphen's points lie two letters or more from either end."""
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    letters = "etaoinshrdlcumwfgypbvkjxqz'éïß"
    words = {"".join(rng.choices(letters, k=rng.randint(1, 24))) for _ in range(5000)}
    words |= set(list(_words())[:3000])
    over = {w: readability._syllables(w) for w in words if readability._syllables(w) > max(1, len(w) - 2)}
    assert over == {}


def _texts(rng: random.Random, count: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_checks  # noqa: PLC0415  (people's messages)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    messages = [body for _, _, body, _ in bench_checks.written(2158)]
    vocabulary = sorted({w for body in messages for w in body.split()})
    texts = rng.sample(messages, count // 2)
    for _ in range(count - len(texts)):  # made-up messages, some of long and rare words
        sentence = [rng.choice(vocabulary) for _ in range(rng.randint(25, 90))]
        for at in sorted(rng.sample(range(len(sentence)), rng.randint(0, 4)), reverse=True):
            sentence.insert(at, ".")
        texts.append(" ".join(sentence))
    return texts


@pytest.mark.parametrize("seed", range(2))
def test_the_check_skips_new_words_only_where_the_grade_stays_below(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check gives what it gives counting every word (``_level`` always ``grade``), with the words
    met cleared, kept or half forgotten, and thresholds on both sides of the messages' grades."""
    from askcraft._checks.context import CheckContext  # noqa: PLC0415

    rng = random.Random(seed)  # noqa: S311  (test texts, not secrets)
    cases = [
        CheckContext(text=text, options={"readability.max_grade": rng.choice((10.0, rng.uniform(-2, 16)))})
        for text in _texts(rng, 1200)
    ]
    readability._level.cache_clear()
    fast = []
    for ctx in cases:
        if rng.random() < 0.3:
            readability._MET.clear()
        elif rng.random() < 0.3:
            for word in rng.sample(sorted(readability._MET), len(readability._MET) // 2):
                del readability._MET[word]
        fast.append(readability.check(ctx))
    monkeypatch.setattr(readability, "_level", lambda text, most: readability.grade(text))
    slow = [readability.check(ctx) for ctx in cases]
    assert fast == slow
    assert sum(map(bool, slow)) > 50  # both outcomes are tried
