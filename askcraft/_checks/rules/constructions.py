"""Constructions: patterns over the words of a sentence, matched by word form and word class.

A phrase list catches "I'm still waiting" but not "I still haven't heard back" or "you have not
even replied". A construction names the parts of a meaning instead: ``@me still? have? @not
hear~ back?`` matches every tense and contraction of "I (still) haven't heard back". The syntax,
one pattern a line in a rule's ``constructions`` (and ``unless``) list:

* ``word`` matches that word (any case; "haven't" is read as "have not", "I'm" as "I am");
* ``a|b|c`` matches any of them; ``hear~`` matches every form of a word (hear, heard, hearing,
  hears), from lemminflect's table;
* ``@name`` matches a word class from the data file's ``classes`` (itself a list of the above);
* ``x?`` makes one part optional (but ``!|?`` is "!" or "?"); ``*`` skips up to three words,
  ``**`` up to seven (never past punctuation); ``,`` and other marks match themselves.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import operator
import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from askcraft._checks.rules.rarity import commonness
from askcraft._checks.rules.texting import SPELLINGS, TEXTING, as_texting
from askcraft._render.verbs import entries

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
_WORD_OF = operator.itemgetter(0)


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


#: A text read once: its tokens, their start offsets, its words as ``tone_model.words`` gives them,
#: the tokens' normalised forms (``norm``), and the words alone (without their offsets), in order.
Scan = tuple[
    tuple[Token, ...], tuple[int, ...], tuple[tuple[str, int, int], ...], tuple[str, ...], tuple[str, ...]
]

#: How many texts the per-text caches keep (the tokens, the sentences, the strategies found...). A
#: message's checkers read the same text's readings in turn, so a few texts are enough. Every object
#: a cache keeps is still alive when the garbage collector next collects the young generation, and
#: is walked then: with 256 texts kept, 2,000 to 23,000 objects a collection, about a tenth of the
#: checks' CPU time on people's messages (``docs/checks.md``, the thirteenth speed round).
TEXTS_KEPT = 16


@functools.lru_cache(maxsize=TEXTS_KEPT)
def scan(text: str) -> Scan:
    """Return the tokens of *text* (contractions split), their starts, its words, the tokens' norms
    and the words' strings.

    A word is a token's word read whole ("don't", "i'm"), lowercased, with "\u2019" as "'" and
    without a trailing apostrophe ("dogs'" is "dogs"): the politeness model reads those, the
    constructions read the tokens, and both come from this one pass.

    The pass is made in bulk: one ``split`` gives the gaps and the tokens in turn, their lengths
    summed give the offsets, and only the few words with an apostrophe (or "cannot") are then
    read one by one. ``tests/test_scan.py`` compares it with :func:`_scan_by_match`.
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
    bounds = list(itertools.accumulate(map(len, parts)))
    norms = parts[1::2]
    starts, ends = bounds[0:-1:2], bounds[1::2]
    toks = list(zip(norms, starts, ends, strict=True))
    wordy = list(map(_IS_WORD.get, norms, itertools.repeat(True)))
    special = _special(text, folded, norms, starts, ends)
    if not special:
        found = tuple(itertools.compress(toks, wordy))
        return tuple(toks), tuple(starts), found, tuple(norms), tuple(itertools.compress(norms, wordy))
    out: list[Token] = []
    out_starts: list[int] = []
    out_norms: list[str] = []
    words: list[tuple[str, int, int]] = list(toks)
    prev = 0
    for i in special:
        out += toks[prev:i]
        out_starts += starts[prev:i]
        out_norms += norms[prev:i]
        word, start, end = toks[i]
        pieces = _split(word)
        out += zip(pieces, itertools.repeat(start), itertools.repeat(end))
        out_starts += [start] * len(pieces)
        out_norms += pieces
        if word[-1] == "'":
            words[i] = (word[:-1], start, end - 1)
        prev = i + 1
    out += toks[prev:]
    out_starts += starts[prev:]
    out_norms += norms[prev:]
    read = tuple(itertools.compress(words, wordy))
    return tuple(out), tuple(out_starts), read, tuple(out_norms), tuple(map(_WORD_OF, read))


def _special(text: str, folded: str, norms: list[str], starts: list[int], ends: list[int]) -> list[int]:
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
    norms = tuple([t[0] for t in out])
    return tuple(out), tuple([t[1] for t in out]), tuple(found), norms, tuple(map(_WORD_OF, found))


@functools.lru_cache(maxsize=TEXTS_KEPT)
def token_set(text: str) -> frozenset[str]:
    """Return the set of the tokens' normalised forms in *text* (every word a construction can see).

    Kept for the last few texts (``TEXTS_KEPT``), as :func:`word_set`: the deadline search and every
    data file's constructions ask for it in turn.
    """
    return frozenset(scan(text)[3])


@functools.lru_cache(maxsize=TEXTS_KEPT)
def word_set(text: str) -> frozenset[str]:
    """Return the set of the lowercased words of *text* (``scan(text)[4]``, contractions whole)."""
    return frozenset(scan(text)[4])


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


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Return the tokens of ``text[start:end]``, contractions split, offsets into *text*."""
    toks, starts, _, _, _ = scan(text)
    if start == 0 and end is None:
        return toks
    first = bisect.bisect_left(starts, start)
    last = len(starts) if end is None else bisect.bisect_left(starts, end)
    return toks[first:last]


@dataclasses.dataclass(frozen=True, slots=True)
class _Part:
    words: frozenset[str]  # empty for a gap
    optional: bool = False
    gap: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Construction:
    """A compiled pattern: its parts, and the words one of which must be in a sentence it matches."""

    source: str
    parts: tuple[_Part, ...]
    #: The word sets of the required parts, rarest first (``rarity.commonness``): a sentence must hold
    #: a word of each.
    needs: tuple[frozenset[str], ...]

    def possible(self, present: frozenset[str] | set[str]) -> bool:
        """Return whether a text with the words *present* could match (a cheap test first)."""
        for need in self.needs:  # noqa: SIM110  (a loop: no generator on the hot path)
            if need.isdisjoint(present):
                return False
        return True

    def search(self, toks: Sequence[Token]) -> Iterator[tuple[int, int]]:
        """Yield ``(first, last)`` token indexes of each non-overlapping match in *toks*.

        A match begins with a word of the first part when that part is a required word: the
        pattern is tried only there (elsewhere it fails at its first part).
        """
        lead = self.parts[0]
        words = lead.words if lead.words and not lead.optional else None
        after = 0  # where the last match ended: matches do not overlap
        for at, token in enumerate(toks):
            if at < after or (words is not None and token[0] not in words):
                continue
            end = self._match(toks, 0, at)
            if end is not None and end > at:
                first = at
                while toks[first][0] in _PUNCT and first < end - 1:
                    first += 1
                yield first, end - 1
                after = end

    def _match(self, toks: Sequence[Token], part: int, at: int) -> int | None:
        if part == len(self.parts):
            return at
        this = self.parts[part]
        if this.gap:
            for skip in range(this.gap + 1):
                if skip and (at + skip > len(toks) or toks[at + skip - 1][0] in _PUNCT):
                    break
                end = self._match(toks, part + 1, at + skip)
                if end is not None:
                    return end
            return None
        if at < len(toks) and toks[at][0] in this.words:
            end = self._match(toks, part + 1, at + 1)
            if end is not None:
                return end
        return self._match(toks, part + 1, at) if this.optional else None


def _alternatives(spec: str, classes: Mapping[str, Sequence[str]], seen: tuple[str, ...] = ()) -> set[str]:
    words: set[str] = set()
    for alt in spec.split("|"):
        if alt.startswith("@"):
            name = alt[1:]
            if name in seen or name not in classes:
                raise ValueError(f"unknown or circular word class @{name}")
            for member in classes[name]:
                words |= _alternatives(str(member), classes, (*seen, name))
        elif alt.endswith("~"):
            lemma = alt[:-1].lower()
            found = entries(lemma)
            if not found:
                raise ValueError(f"{lemma!r} is not in lemminflect's table; write its forms out")
            words.update(form for forms in found.values() for form in forms)
        else:
            words.add(alt.lower().replace("\u2019", "'"))
    return words


def compile_construction(source: str, classes: Mapping[str, Sequence[str]]) -> Construction:
    """Compile one pattern line (see the module docstring) with the data file's word classes."""
    parts = []
    for piece in source.split():
        if piece in ("*", "**"):
            parts.append(_Part(frozenset(), gap=3 if piece == "*" else 7))
            continue
        # "x?" is optional; a part ending "|?" has the question mark among its alternatives ("!|?").
        optional = piece.endswith("?") and len(piece) > 1 and not piece.endswith("|?")
        spec = piece[:-1] if optional else piece
        words: set[str] = set()
        for chunk in spec.split("|"):
            words |= _alternatives(chunk, classes) if chunk not in _PUNCT else {chunk}
        parts.append(_Part(frozenset(words), optional=optional))
    if not any(p.words and not p.optional for p in parts):
        raise ValueError(f"construction {source!r} has no required word")
    needs = sorted((p.words for p in parts if p.words and not p.optional), key=commonness)
    return Construction(source, tuple(parts), tuple(needs))


def find(
    constructions: Sequence[Construction],
    toks: Sequence[Token],
    present: frozenset[str] | set[str] | None = None,
) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character spans where any of *constructions* matches *toks*.

    *present* is the set of the tokens' words, when the caller has it already. A tuple of more than
    eight is gone through in order by its rarest parts' words present (:func:`_indexed`).
    """
    if present is None:
        present = set(map(_WORD_OF, toks))
    if len(constructions) > 8 and type(constructions) is tuple:
        index, keys = _indexed(constructions)
        numbers = sorted(set().union(*map(index.__getitem__, keys & present)))
        constructions = [constructions[n] for n in numbers]
    for construction in constructions:
        if not construction.possible(present):
            continue
        for first, last in construction.search(toks):
            yield toks[first][1], toks[last][2]


#: Indexes of tuples of constructions by id, each with its tuple (which keeps the id its own).
_INDEXES: dict[int, tuple[tuple[Construction, ...], dict[str, tuple[int, ...]], frozenset[str]]] = {}


def _indexed(constructions: tuple[Construction, ...]) -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Return each word of *constructions*' rarest parts with the constructions (by number) it is in,
    and those words as a set (kept for 256 tuples: ``unless`` lists, the deadline search's lists)."""
    entry = _INDEXES.get(id(constructions))
    if entry is None or entry[0] is not constructions:
        if len(_INDEXES) >= 256:
            _INDEXES.clear()
        index: dict[str, list[int]] = {}
        for number, construction in enumerate(constructions):
            for word in construction.needs[0]:
                index.setdefault(word, []).append(number)
        table = {word: tuple(numbers) for word, numbers in index.items()}
        entry = _INDEXES[id(constructions)] = (constructions, table, frozenset(table))
    return entry[1], entry[2]
