"""The bulk tokeniser (``tokeniser.scan``) reads every text exactly as the match-by-match one did.

``scan`` reads a text with one ``split`` and sums the lengths for the offsets; only words with
an apostrophe (or "cannot") are then read one at a time. ``_scan_by_match`` is the plain reading
it replaced (and still the one used when lowercasing a text moves its offsets). The two must give
the same tokens (same type, norm and span), starts, words and norms on realistic messages, on
every rule example, and on random strings made of the characters where a shortcut could go
wrong: apostrophes of both kinds, underscores, marks, "cannot", letters whose lower case is
longer (dotted I) and long runs with no token at all.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from askcraft._checks.rules import tokeniser

DATA = Path(__file__).resolve().parent.parent / "askcraft" / "_checks" / "rules" / "data"

EDGES = [
    "",
    "   ",
    "hello   ",
    "dogs' bones, I can't; we cannot! it's o\u2019clock\u2019 ",
    "rock'n'roll won't let's ain't that's dogs' cannotcannot cannot's CANNOT Can\u2019t",
    "a_b __x__ 'quoted' \"x\" \u2014 \u2013 () 'tis ''double'' x'",
    "rock''n''roll dogs'' x'' ''y 'a' b'c'd' e''f'g 9'9''",
    "\u0130stanbul KELVIN \u212a ok \u0130'm",
    "x" + " " * 5000,
    "-- ... ?! " * 50,
    "Zo\u00eb O'Brien-N\u00fa\u00f1ez says thanks! \u039f\u0394\u039f\u03a3 Stra\u00dfe \ufb05 123",
]


def _examples() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.yaml")):
        spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in (spec.get("rules") or {}).values():
            for key in ("flag", "pass"):
                for example in (rule.get("examples") or {}).get(key) or []:
                    texts.append(example if isinstance(example, str) else str(example.get("text", "")))
    return texts


def _random(count: int, seed: int = 10) -> list[str]:
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    alphabet = "ab'\u2019 ,.!?_-\"()\u2014\u2013\u0130\u212a\u00dfcannot\n\t0"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def _random_ascii(count: int, seed: int = 11) -> list[str]:
    """ASCII strings, read with the ASCII pattern (``tokeniser._SPLIT_ASCII``)."""
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    alphabet = "aB9'\u2019 ,.;:!?_-\"()cannot\n\t#&*/"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def _random_unicode(count: int, seed: int = 12) -> list[str]:
    """Strings that are not ASCII, without "_" and mostly without "''" (``tokeniser._SPLIT_WORDS``):
    letters with and without accents, digits, both apostrophes, marks, dashes, emoji and odd spaces."""
    rng = random.Random(seed)  # noqa: S311  (test strings, not secrets)
    alphabet = "aB9\u00e9\u00dc\u00df\u0394\u03c9\u4e2d'\u2019 ,.;:!?-\"()\u2014\u2013"
    alphabet += "\u00a0\u2003\U0001f62d\ufe0f\u200d\n#"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def _same(text: str) -> None:
    bulk = tokeniser.scan.__wrapped__(text)
    plain = tokeniser._scan_by_match(text)
    assert bulk == plain, text
    norms, starts, ends, words, word_starts, word_ends = bulk
    assert all(type(part) is tuple for part in bulk), text
    assert len(norms) == len(starts) == len(ends), text
    assert len(words) == len(word_starts) == len(word_ends), text


def test_edges() -> None:
    for text in EDGES:
        _same(text)
        _same(text.upper())


def test_rule_examples_in_every_case() -> None:
    texts = _examples()
    assert len(texts) > 500
    for text in texts:
        for variant in (text, text.lower(), text.upper(), text.replace("'", "\u2019")):
            _same(variant)


def test_random_strings() -> None:
    for text in _random(20000):
        _same(text)


def test_random_ascii_strings() -> None:
    texts = _random_ascii(20000)
    assert sum(text.replace("\u2019", "'").isascii() for text in texts) > 5000  # the ASCII pattern's path
    for text in texts:
        _same(text)


def test_scan_parts_line_up() -> None:
    text = "Hi Sam, I can't wait \u2014 dogs' day. Cannot!"
    norms, starts, ends, strings, word_starts, word_ends = tokeniser.scan(text)
    toks = tokeniser.tokens(text)
    assert [t[0] for t in toks] == list(norms)
    assert [t[1] for t in toks] == list(starts)
    assert [t[2] for t in toks] == list(ends)
    assert [text[t[1] : t[2]].lower() for t in toks][:5] == ["hi", "sam", ",", "i", "can't"]
    words = list(zip(strings, word_starts, word_ends, strict=True))
    assert ("dogs", text.index("dogs"), text.index("dogs") + 4) in words
    assert norms[4:6] == ("can", "not")
    assert tokeniser.token_set(text) == frozenset(norms)
    assert tokeniser.norms_in(text, text.index("I"), text.index("dogs")) == (
        "i",
        "can",
        "not",
        "wait",
        "\u2014",
    )


def test_random_unicode_strings() -> None:
    texts = _random_unicode(20000)
    folded = [text.lower().replace("\u2019", "'") for text in texts]
    words_path = sum(
        not f.isascii() and "''" not in f and len(f) == len(t) for f, t in zip(folded, texts, strict=True)
    )
    assert words_path > 5000  # the path of the pattern for words without "_" or "''"
    for text in texts:
        _same(text)
        _same(text.upper())
