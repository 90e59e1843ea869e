"""How common a word is in people's messages: which part of a construction to look for first.

A construction matches only a sentence that holds a word of each of its required parts, so it is
indexed by the part a text is least likely to hold and its other parts are checked rarest first:
most texts are then never tried against it, and the ones that are fail at the first check.
``word_counts.json`` holds, for each token two or more of them hold, how many of the 402 messages
of the two evaluation sets already read hold it (``scripts/word_counts.py`` writes it; nothing is
made from the unread blind sets); a word not listed is rare.
Only speed depends on these counts: every required part is checked all the same.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Set as AbstractSet
from importlib import resources


@functools.cache
def _counts() -> dict[str, int]:
    path = resources.files("askcraft._checks.rules").joinpath("word_counts.json")
    raw = json.loads(path.read_text("utf-8"))
    return {str(word): int(n) for word, n in raw["counts"].items()}


def commonness(words: AbstractSet[str]) -> tuple[int, int]:
    """Return how many messages of the counts hold a word of *words* (at most), then how many words
    there are: the smaller, the fewer texts a part with these words lets through."""
    counts = _counts()
    return sum(counts.get(word, 0) for word in words), len(words)
