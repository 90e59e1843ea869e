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

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

from askcraft._checks.rules.rarity import commonness
from askcraft._checks.rules.tokeniser import _PUNCT
from askcraft._checks.rules.tokeniser import Token as Token  # noqa: PLC0414  (scripts' import)
from askcraft._checks.rules.tokeniser import token_set as token_set  # noqa: PLC0414  (scripts' import)
from askcraft._checks.rules.tokeniser import tokens as tokens  # noqa: PLC0414  (scripts' import)
from askcraft._render.verbs import entries


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

    def search(self, norms: Sequence[str]) -> Iterator[tuple[int, int]]:
        """Yield ``(first, last)`` token indexes of each non-overlapping match in *norms* (the tokens'
        normalised forms, :func:`scan`'s first tuple or a slice of it).

        A match begins with a word of the first part when that part is a required word: the
        pattern is tried only there (elsewhere it fails at its first part).
        """
        lead = self.parts[0]
        words = lead.words if lead.words and not lead.optional else None
        after = 0  # where the last match ended: matches do not overlap
        for at, norm in enumerate(norms):
            if at < after or (words is not None and norm not in words):
                continue
            end = self._match(norms, 0, at)
            if end is not None and end > at:
                first = at
                while norms[first] in _PUNCT and first < end - 1:
                    first += 1
                yield first, end - 1
                after = end

    def _match(self, norms: Sequence[str], part: int, at: int) -> int | None:
        if part == len(self.parts):
            return at
        this = self.parts[part]
        if this.gap:
            for skip in range(this.gap + 1):
                if skip and (at + skip > len(norms) or norms[at + skip - 1] in _PUNCT):
                    break
                end = self._match(norms, part + 1, at + skip)
                if end is not None:
                    return end
            return None
        if at < len(norms) and norms[at] in this.words:
            end = self._match(norms, part + 1, at + 1)
            if end is not None:
                return end
        return self._match(norms, part + 1, at) if this.optional else None


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
    norms: Sequence[str],
    present: frozenset[str] | set[str] | None = None,
) -> Iterator[tuple[int, int]]:
    """Yield ``(first, last)`` token indexes where any of *constructions* matches the tokens whose
    normalised forms are *norms* (:func:`norms_in`).

    *present* is the set of *norms*, when the caller has it already. A tuple of more than eight is
    gone through in order by its rarest parts' words present (:func:`_indexed`).
    """
    if present is None:
        present = set(norms)
    if len(constructions) > 8 and type(constructions) is tuple:
        index, keys = _indexed(constructions)
        numbers = sorted(set().union(*map(index.__getitem__, keys & present)))
        constructions = [constructions[n] for n in numbers]
    for construction in constructions:
        if not construction.possible(present):
            continue
        yield from construction.search(norms)


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
