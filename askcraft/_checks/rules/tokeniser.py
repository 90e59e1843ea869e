"""The tokeniser: a text's tokens (contractions split) and words, read once in one pass and shared.

Every check that reads words reads them from here: the constructions and the learned model read
the tokens' normalised forms ("haven't" is "have" and "not", "im" is "i" and "am"), the politeness
model and the phrase rules the words as typed ("haven't", "im"). :func:`scan` keeps both as
parallel tuples (forms, starts, ends) for the last few texts (``TEXTS_KEPT``); :func:`tokens`
makes ``(norm, start, end)`` tuples for the readers that want them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Collection, Sequence

from askcraft._checks.rules.texting import SPELLINGS, TEXTING, as_texting

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*['\u2019]?|[,;:!?.\u2014\u2013()\"]")
_CONTRACTIONS = {"n't": "not", "'ve": "have", "'m": "am", "'re": "are", "'d": "would", "'ll": "will"}
_SPECIAL = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
}
#: Words whose "'s" is "is" or "has" rather than a possessive.
_S_IS = frozenset(
    "it that there here what who he she where how everything nothing everyone nobody someone".split()  # noqa: SIM905
)
_PUNCT = frozenset(',;:!?.\u2014\u2013()"')
#: Splits a text into the gaps between tokens and the tokens: gap, token, gap, ..., token, gap. What
#: no token starts with is a gap, so the tokens are those ``_TOKEN.finditer`` finds, in order.
_SPLIT = re.compile(f"({_TOKEN.pattern})")
#: The same for an ASCII text, where ``\w`` and ``[^\W_]`` mean the same with or without Unicode
#: (``[a-zA-Z0-9_]``, ``[a-zA-Z0-9]``), read with ASCII's tables: fewer steps a character.
_SPLIT_ASCII = re.compile(_SPLIT.pattern, re.ASCII)
#: The same for a lowercased ASCII text without "''": a letter or digit, then letters, digits and
#: apostrophes, a run ``_TOKEN``'s word takes whole unless two apostrophes meet ("rock''n"), read
#: in fewer steps (no group to repeat); and for any other such text without "_" (``\w`` is then
#: ``[^\W_]``), as people's messages with a dash or an emoji are.
_SPLIT_LOWER = re.compile(r"""([a-z0-9][a-z0-9']*|[,;:!?.()"])""")
_SPLIT_WORDS = re.compile(r"""(\w[\w']*|[,;:!?.\u2014\u2013()"])""")
#: False for a mark: what is not a mark is a word.
_IS_WORD = dict.fromkeys(_PUNCT, False)


#: One word (or mark) of a sentence: ``(norm, start, end)``, its normalised form and where it is in
#: the text. A plain tuple, read by index: ``zip`` makes them in bulk, where a named tuple cost a
#: call of ``tuple.__new__`` per token (with its arguments packed twice) and was slower to free.
Token = tuple[str, int, int]


@functools.lru_cache(maxsize=4096)
def _split(word: str) -> tuple[str, ...]:
    word = word.lower()
    if word in SPELLINGS:
        return SPELLINGS[word]
    if "'" not in word and "\u2019" not in word and word != "cannot":
        return (word,)
    word = word.replace("\u2019", "'")
    if word in _SPECIAL:
        return _SPECIAL[word]
    for ending, full in _CONTRACTIONS.items():
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)], full)
    if word.endswith("'s") and word[:-2] in _S_IS:
        return (word[:-2], "is")
    return (word.rstrip("'"),)


#: A text read once, as parallel tuples (no tuple a token): the tokens' normalised forms (``norm``),
#: where each starts and ends, then its words as ``tone_model.words`` reads them (contractions
#: whole) with where each starts and ends, in order.
Scan = tuple[
    tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]
]

#: How many texts the per-text caches keep (the tokens, the sentences, the strategies found...). A
#: message's checkers read the same text's readings in turn, so a few texts are enough. Every object
#: a cache keeps is still alive when the garbage collector next collects the young generation, and
#: is walked then: with 256 texts kept, 2,000 to 23,000 objects a collection, about a tenth of the
#: checks' CPU time on people's messages (``docs/checks.md``, the thirteenth speed round).
TEXTS_KEPT = 16


@functools.lru_cache(maxsize=TEXTS_KEPT)
def scan(text: str) -> Scan:
    """Return the tokens of *text* (contractions split) as ``(norms, starts, ends)`` and its words
    as ``(words, starts, ends)``, each a tuple: ``(norms, starts, ends, words, word_starts, word_ends)``.

    A word is a token's word read whole ("don't", "i'm"), lowercased, with "\u2019" as "'" and
    without a trailing apostrophe ("dogs'" is "dogs"): the politeness model reads those, the
    constructions read the tokens, and both come from this one pass. The tokens are parallel tuples
    rather than a tuple a token: most readers want the norms alone, and :func:`tokens` makes the
    ``(norm, start, end)`` tuples for those that read them (``docs/checks.md``, the fifteenth speed
    round).

    The pass is made in bulk: one ``split`` gives the gaps and the tokens in turn, their lengths
    summed give the offsets, and only the few words with an apostrophe (or "cannot", or a texting
    spelling) are then read one by one. ``tests/test_scan.py`` compares it with
    :func:`_scan_by_match`.
    """
    folded = text.lower()
    if len(folded) != len(text):  # lower() changed an offset (rare letters): fold word by word
        return _scan_by_match(text)
    folded = folded.replace("\u2019", "'")  # the same length; a token reads both alike
    if "''" in folded:
        splitter = _SPLIT_ASCII if folded.isascii() else _SPLIT
    else:
        splitter = _SPLIT_LOWER if folded.isascii() else _SPLIT if "_" in folded else _SPLIT_WORDS
    parts = splitter.split(folded)
    bounds = tuple(itertools.accumulate(map(len, parts)))
    norms = tuple(parts[1::2])
    starts, ends = bounds[0:-1:2], bounds[1::2]
    wordy = tuple(map(_IS_WORD.get, norms, itertools.repeat(True)))
    compress = itertools.compress
    if "'" in folded or "cannot" in folded or not TEXTING.isdisjoint(norms):
        special = _special(text, folded, norms, starts, ends)
        if special:
            return _with_special(special, norms, starts, ends, wordy)
    return (
        norms,
        starts,
        ends,
        tuple(compress(norms, wordy)),
        tuple(compress(starts, wordy)),
        tuple(compress(ends, wordy)),
    )


def _with_special(
    special: list[int],
    norms: tuple[str, ...],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    wordy: tuple[bool, ...],
) -> Scan:
    """Return :func:`scan`'s reading with the *special* tokens (by index, in order) split into their
    pieces ("can't" is "can" and "not", both spanning the word) and their words read whole."""
    out_norms = list(norms)
    out_starts = list(starts)
    out_ends = list(ends)
    trailing = []  # the words that end with an apostrophe ("dogs'"), read without it
    for i in reversed(special):  # each replaced in place, from the last: the earlier indexes stay
        word = norms[i]
        pieces = _split(word)
        if word[-1] == "'":
            trailing.append(i)
        elif pieces == (word,):
            continue  # read as it is typed ("o'clock")
        count = len(pieces)
        out_norms[i : i + 1] = pieces
        out_starts[i : i + 1] = [starts[i]] * count
        out_ends[i : i + 1] = [ends[i]] * count
    words: Sequence[str] = norms
    word_ends: Sequence[int] = ends
    if trailing:
        words, word_ends = list(norms), list(ends)
        for i in trailing:
            words[i] = norms[i][:-1]
            word_ends[i] = ends[i] - 1
    compress = itertools.compress
    return (
        tuple(out_norms),
        tuple(out_starts),
        tuple(out_ends),
        tuple(compress(words, wordy)),
        tuple(compress(starts, wordy)),
        tuple(compress(word_ends, wordy)),
    )


def _special(
    text: str, folded: str, norms: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> list[int]:
    """Return the indexes of the tokens with an apostrophe, that are "cannot", or that are texting
    spellings ("im", "tmrw") not typed in capitals, in order."""
    found: set[int] = set()
    if not TEXTING.isdisjoint(norms):
        found.update(
            i for i, norm in enumerate(norms) if norm in TEXTING and as_texting(text[starts[i] : ends[i]])
        )
    for mark in ("'", "cannot"):
        at = folded.find(mark)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1  # the token starting at or before the mark
            if i >= 0 and at < ends[i] and (mark == "'" or norms[i] == mark):
                found.add(i)
            at = folded.find(mark, at + 1)
    return sorted(found)


def _scan_by_match(text: str) -> Scan:
    """Return what :func:`scan` does, reading the tokens match by match (and folding each word)."""
    folded = text.lower()
    lowered = len(folded) == len(text)
    if not lowered:
        folded = text
    out: list[Token] = []
    found: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(folded):
        word = match.group()
        start, end = match.span()
        if word in _PUNCT:
            out.append((word, start, end))
            continue
        if not lowered:
            word = word.lower()
        if (
            "'" in word
            or "\u2019" in word
            or word == "cannot"
            or (word in TEXTING and as_texting(text[start:end]))
        ):
            out.extend((part, start, end) for part in _split(word))
            whole = word.replace("\u2019", "'")
            if whole[-1] == "'":
                found.append((whole[:-1], start, end - 1))
                continue
            found.append((whole, start, end))
        else:
            out.append((word, start, end))
            found.append((word, start, end))
    return (
        tuple([t[0] for t in out]),
        tuple([t[1] for t in out]),
        tuple([t[2] for t in out]),
        tuple([w[0] for w in found]),
        tuple([w[1] for w in found]),
        tuple([w[2] for w in found]),
    )


@functools.lru_cache(maxsize=TEXTS_KEPT)
def token_set(text: str) -> frozenset[str]:
    """Return the set of the tokens' normalised forms in *text* (every word a construction can see).

    Kept for the last few texts (``TEXTS_KEPT``), as :func:`word_set`: the deadline search and every
    data file's constructions ask for it in turn.
    """
    return frozenset(scan(text)[0])


@functools.lru_cache(maxsize=TEXTS_KEPT)
def word_set(text: str) -> frozenset[str]:
    """Return the set of the lowercased words of *text* (``scan(text)[3]``, contractions whole)."""
    return frozenset(scan(text)[3])


def places(words: Sequence[str], present: Collection[str]) -> list[int]:
    """Return the indexes of *words* that hold one of *present* (words they hold), in order.

    Each word is counted and found with the sequence's own ``count`` and ``index`` (a pass in C
    each), instead of every word being tested in Python: *present* is usually a word or two.
    """
    found: list[int] = []
    for word in present:
        at = -1
        for _ in range(words.count(word)):
            at = words.index(word, at + 1)
            found.append(at)
    if len(present) > 1:
        found.sort()
    return found


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _token_tuples(text: str) -> tuple[Token, ...]:
    """Return the tokens of *text* as ``(norm, start, end)`` tuples, made when a reader first asks."""
    norms, starts, ends, _, _, _ = scan(text)
    return tuple(zip(norms, starts, ends, strict=True))


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Return the tokens of ``text[start:end]``, contractions split, offsets into *text*."""
    toks = _token_tuples(text)
    if start == 0 and end is None:
        return toks
    starts = scan(text)[1]
    first = bisect.bisect_left(starts, start)
    last = len(starts) if end is None else bisect.bisect_left(starts, end)
    return toks[first:last]


def norms_in(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """Return the norms of the tokens of ``text[start:end]`` (those :func:`tokens` gives), in order."""
    norms, starts, _, _, _, _ = scan(text)
    if start == 0 and end is None:
        return norms
    first = bisect.bisect_left(starts, start)
    last = len(starts) if end is None else bisect.bisect_left(starts, end)
    return norms[first:last]
