"""Readability: the Flesch-Kincaid grade level of the message.

The grade is Flesch-Kincaid's formula over words, sentences and syllables. Syllables come from
pyphen's hyphenation dictionaries (shipped with pyphen; the syllable backend textstat itself used
up to 0.7.3). textstat is not used: 0.7.10 and later import NLTK at import time (1.6-4 s here,
more with scikit-learn installed) and download NLTK's CMU dictionary on first use, and a checker
that runs on every draft must neither cost seconds nor go online.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import pyphen

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import option, rules, sentences
from askcraft._checks.rules.constructions import scan

_NAME = "readability"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=20_000)
def _syllables(word: str) -> int:
    return len(_hyphenator().positions(word)) + 1


def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of *text* (0.0 for a text without words)."""
    found = _words(text)
    if not found:
        return 0.0
    count = len(sentences(text))
    syllables = sum(map(_syllables, found))
    return 0.39 * len(found) / max(count, 1) + 11.8 * syllables / len(found) - 15.59


def _words(text: str) -> Sequence[str]:
    """Return what ``_WORD`` finds in *text* lowercased (with "\u2019" as "'").

    When every word the tokeniser reads is ASCII letters (with an apostrophe inside), those are
    the same words: ``_WORD`` finds ASCII letters only, a letter belongs to a token, and a token
    ends where ``_WORD`` would (``tests/test_fast_patterns.py`` compares the two).
    """
    words = scan(text)[4]
    joined = "".join(words)
    if joined.isascii() and joined.replace("'", "").isalpha():
        return words
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a message whose grade level is above the threshold, pointing at its hardest sentence."""
    text = ctx.text
    if len(text.split()) < option(ctx, _NAME, "readability.min_words"):
        return []
    level = grade(text)
    most = float(option(ctx, _NAME, "readability.max_grade"))
    if level <= most:
        return []
    spans = sentences(text) or ((0, len(text)),)
    start, end = max(spans, key=lambda span: grade(text[span[0] : span[1]]))
    return [rules(_NAME)["readability.grade"].finding(start, end - start, grade=level, most=most)]
