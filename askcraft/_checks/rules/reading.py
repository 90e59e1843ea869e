"""Reading a text: its sentences, and each sentence's tokens and words, read once and shared.

The checkers all look at a text sentence by sentence; these are computed once per text (and
kept for the last few texts, ``TEXTS_KEPT``) so that pressure, negativity, politeness and the
deadline search share them.
"""

from __future__ import annotations

import bisect
import functools
import re

from askcraft._checks.rules.tokeniser import TEXTS_KEPT, scan

#: A sentence ends at end punctuation followed by space, or at a line break:
#: ``[.!?]+["\u201d'\u2019)\]]*(?=\s|$)|\n``, written to begin with the class of its first character
#: so that the regular expression engine tries it only where one of those is
#: (``tests/test_fast_patterns.py`` compares the two).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"\u201d'\u2019)\]]*(?=\s|$))")

#: "a.m." or "p.m." followed by a word in lower case or a day of the week, which go on with the time.
_TIME_GOES_ON = re.compile(
    r"(?<![^\W\d_])[aApP]\.[mM]\.[ \t]+(?:[a-z]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*day\b|Tues|Thurs)"
)


@functools.lru_cache(maxsize=TEXTS_KEPT)
def sentence_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of the marks that may end a sentence (``_SENTENCE_END``'s matches), before
    :func:`sentences` lets a time go on past "a.m.": the politeness model reads them too."""
    return tuple(map(re.Match.span, _SENTENCE_END.finditer(text)))


@functools.lru_cache(maxsize=TEXTS_KEPT)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` of every non-blank sentence, spaces trimmed."""
    trimmed = []
    start = 0
    times = ".m." in text or ".M." in text
    size = len(text)
    for mark, end in (*sentence_marks(text), (size, size)):  # and what follows the last mark
        if times and mark < size and text[mark] == "." and _TIME_GOES_ON.match(text, max(0, mark - 3)):
            continue  # "by 9 a.m. Monday", "at 5 p.m. today": the time goes on
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = start + len(piece) - len(piece.lstrip())
            trimmed.append((lead, lead + len(stripped)))
        start = end
    return tuple(trimmed)


@functools.lru_cache(maxsize=TEXTS_KEPT)
def read_sentences(text: str) -> tuple[tuple[int, int, tuple[str, ...], frozenset[str]], ...]:
    """Return ``(start, end, norms, words)`` for every sentence (see :func:`sentences`): the norms of
    its tokens, in order (``scan``'s, from where the sentence starts), and their set."""
    norms, starts, _, _, _, _ = scan(text)
    out = []
    for start, end in sentences(text):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        sentence = norms[first:last]
        out.append((start, end, sentence, frozenset(sentence)))
    return tuple(out)
