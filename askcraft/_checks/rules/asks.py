"""What an ask looks like: ask sentences, numbers of names, people nouns (from asks.yaml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from askcraft._checks.rules.anchors import first_match, may_match, phrase_keys
from askcraft._checks.rules.base import lexicon, phrase_pattern, sentences


@functools.cache
def ask_pattern() -> re.Pattern[str]:
    """Return the pattern of phrases that make a sentence an ask."""
    return phrase_pattern(lexicon("asks")["ask_phrases"])


@functools.cache
def people_pattern() -> re.Pattern[str]:
    """Return the pattern of nouns people ask for when they ask for names."""
    return phrase_pattern(lexicon("asks")["people_nouns"])


@functools.cache
def number_pattern() -> re.Pattern[str]:
    """Return the pattern of a count: digits or a number word ("three", "a couple of")."""
    words = [str(w) for w in lexicon("asks")["numbers"]]
    return phrase_pattern(words, [r"\d{1,3}"])


def number_value(word: str) -> int:
    """Return the value of a count matched by :func:`number_pattern`."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return int(lexicon("asks")["numbers"][word])


def ask_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans of sentences that ask the reader for something."""
    yield from _ask_spans(text)


@functools.cache
def lexicon_keys(name: str) -> frozenset[str] | None:
    """Return the words every match of the phrase list *name* of ``asks.yaml`` begins with (or None)."""
    return phrase_keys([str(p) for p in lexicon("asks")[name]])


@functools.lru_cache(maxsize=256)
def _ask_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the sentences where the ask pattern matches (``search`` within each sentence).

    A match begins where an ask phrase's first word does, so the pattern is tried there alone.
    """
    # Cached: the specificity and ask-size checks both read a text's asks.
    keys = lexicon_keys("ask_phrases")
    pattern = ask_pattern()
    return tuple(
        (start, end) for start, end in sentences(text) if first_match(pattern, keys, text, start, end)
    )


def question_sentences(text: str) -> list[tuple[int, int]]:
    """Return the spans of sentences that end with a question mark."""
    return [(s, e) for s, e in sentences(text) if text[s:e].rstrip("\"')\u201d\u2019 ").endswith("?")]


@functools.cache
def counted_pattern() -> re.Pattern[str]:
    """Return the pattern of a count followed, within two words, by a people noun ("three people")."""
    return re.compile(
        rf"(?:{number_pattern().pattern})\s+(?:\w+\s+){{0,2}}?(?:{people_pattern().pattern})",
        re.IGNORECASE,
    )


def counted_names(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """Yield ``(offset, end, count)`` for "three people"-like phrases between start and end."""
    if not may_match(lexicon_keys("people_nouns"), text):
        return  # no people noun, so no count of people: most messages
    for match in counted_pattern().finditer(text, start, end):
        number = number_pattern().match(match.group())
        if number is not None:
            yield match.start(), match.end(), number_value(number.group())
