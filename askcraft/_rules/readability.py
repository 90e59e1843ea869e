"""Readability: the Flesch-Kincaid grade level of the message.

Word and sentence counts come from textstat. Syllables are counted with pyphen (textstat's
own hyphenation dependency, which ships its dictionaries): textstat 0.7.13 would otherwise
download NLTK's CMU dictionary on first use, and a checker must not go online.
"""

from __future__ import annotations

import functools
import re

import pyphen  # type: ignore[import-untyped]
import textstat

from askcraft._checks import CheckContext
from askcraft._findings import Finding
from askcraft._rules._base import option, rules, sentences

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
    words = int(textstat.lexicon_count(text))
    if not words:
        return 0.0
    count = int(textstat.sentence_count(text))
    syllables = sum(_syllables(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")))
    return 0.39 * words / max(count, 1) + 11.8 * syllables / words - 15.59


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
