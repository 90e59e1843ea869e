"""Readability: the Flesch-Kincaid grade level of the message.

The grade is Flesch-Kincaid's formula over words, sentences and syllables. Syllables come from
pyphen's hyphenation dictionaries (shipped with pyphen; the syllable backend textstat itself used
up to 0.7.3). textstat is not used: 0.7.10 and later import NLTK at import time (1.6-4 s here,
more with scikit-learn installed) and download NLTK's CMU dictionary on first use, and a checker
that runs on every draft must neither cost seconds nor go online.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

import pyphen

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import option, rules, sentences
from askcraft._checks.rules.tokeniser import scan

_NAME = "readability"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def _syllables(word: str) -> int:
    """Return the syllables of *word*: one more than pyphen's hyphenation points in it.

    An ASCII word is read with :func:`_automaton` (the same patterns, the same points); any other
    goes through pyphen itself.
    """
    automaton = _automaton()
    if automaton is None or not word.isascii():
        return len(_hyphenator().positions(word)) + 1
    # Liang's hyphenation, as pyphen's ``HyphDict.positions`` does it, with every pattern found in
    # one pass over the word instead of a look-up of every piece of up to 28 letters at every
    # place: each pattern found at place i ORs its values into ``total``, 16 bits a place, a value
    # v as bit v (so a place's highest bit is the highest value any pattern gave it). The patterns
    # that end at a letter are known by the state reached there, their values already placed
    # relative to that letter (see _Automaton.found), so a place i is at bit 16 * (i + _REACH).
    pointed = f".{word.lower()}."
    moves, found = automaton.moves, automaton.found
    total = state = shift = 0
    for char in pointed:
        following = moves[state].get(char)
        state = _follow(automaton, state, char) if following is None else following
        if found[state]:
            total |= found[state] << shift
        shift += 16
    total >>= 16 * _REACH
    places = memoryview(total.to_bytes(2 * (len(pointed) + 1), sys.byteorder)).cast("H")
    # An odd highest value is a hyphenation point; pyphen keeps those two letters or more from
    # either end of the word (points 2 to len(word) - 2: places 3 to len(word) - 1).
    return sum(map(_ODD_HIGHEST.__getitem__, places[3 : len(word)])) + 1


class _Met(dict[str, int]):
    """The syllables of the words met (at most 20,000): ``_MET[word]`` counts a word not met yet;
    ``in`` and ``get`` tell the words met without counting any."""

    def __missing__(self, word: str) -> int:
        count = _syllables(word)
        if len(self) >= 20_000:
            self.clear()
        self[word] = count
        return count


_MET = _Met()


class _Automaton(NamedTuple):
    """The trie of :func:`_trie` as an Aho-Corasick automaton, its states numbered.

    ``moves[s]`` maps a letter to the state it leads to (the trie's letters first; the others are
    added as they are met, each found once by following ``fails``); ``fails[s]`` is the state of
    the longest proper suffix of s's letters that is in the trie; ``found[s]`` ORs the values of
    every pattern that ends with s's letters, each placed as :func:`_syllables` reads them: a
    pattern of n letters started n - 1 places before the letter that ends it.
    """

    moves: list[dict[str, int]]
    fails: list[int]
    found: list[int]


#: How many places a pattern may reach back from the letter that ends it (the longest pattern
#: and more): ``_Automaton.found`` shifts values by 16 bits a place of that, never below zero.
_REACH = 32


@functools.cache
def _automaton() -> _Automaton | None:
    """Return :func:`_trie` as an Aho-Corasick automaton, or None when there is no trie, a pattern
    is longer than ``_REACH`` letters, or one is a lone "." (which pyphen never starts at a word's
    end, as this would)."""
    trie = _trie()
    if trie is None or trie.get(".", {}).get(None) is not None:
        return None
    moves: list[dict[str, int]] = [{}]
    fails, found, nodes, depths = [0], [trie.get(None) or 0], [trie], [0]
    for state, node in enumerate(nodes):  # breadth first: a suffix's state comes before
        for char, child in node.items():
            if char is None:
                continue
            number = moves[state][char] = len(nodes)
            nodes.append(child)
            depths.append(depths[state] + 1)
            moves.append({})
            fail = 0
            if state:
                back = fails[state]
                while char not in moves[back] and back:
                    back = fails[back]
                fail = moves[back].get(char, 0)
            fails.append(fail)
            if depths[number] > _REACH:
                return None
            own = child.get(None) or 0
            found.append((own << 16 * (_REACH - depths[number] + 1)) | found[fail])
    return _Automaton(moves, fails, found)


def _follow(automaton: _Automaton, state: int, char: str) -> int:
    """Return the state *char* leads to from *state* where the trie has no such letter, and keep it
    in ``moves`` (at most one entry a state and letter)."""
    back = state
    while back and char not in automaton.moves[back]:
        back = automaton.fails[back]
    following = automaton.moves[back].get(char, 0)
    automaton.moves[state][char] = following
    return following


#: A node of :func:`_trie`: the next letters' nodes, and (under None) the pattern ending there.
_Node = dict[str | None, Any]
#: For each place's 16 bits as :func:`_syllables` sets them: 1 where the highest value is odd.
_ODD_HIGHEST = bytes((bits.bit_length() - 1) & 1 if bits else 0 for bits in range(1 << 10))


@functools.cache
def _trie() -> _Node | None:
    """Return pyphen's en_US patterns as a trie of letters, or None if they are not as expected.

    A node maps each next letter to its node, and ``None`` to the pattern ending there: its values
    from its offset on, each place 16 bits with the value v as bit v (see :func:`_syllables`).
    ``tests/test_syllables.py`` compares the counts with pyphen's on every word of the rule data,
    the test data and the benchmark's drafts. None (pyphen is asked word by word) if pyphen's
    patterns are not the plain ``{letters: (offset, values)}`` with values 0 to 9 this reads (a
    dictionary with non-standard hyphenation, or another version's layout).
    """
    patterns = getattr(getattr(_hyphenator(), "hd", None), "patterns", None)
    if not isinstance(patterns, dict):
        return None
    root: _Node = {}
    for letters, entry in patterns.items():
        match entry:
            case (int(offset), tuple(values)) if all(type(v) is int and 0 <= v <= 9 for v in values):
                pass
            case _:
                return None
        node = root
        for char in letters:
            node = node.setdefault(char, {})
        node[None] = sum((1 << value) << (16 * (offset + k)) for k, value in enumerate(values))
    return root


def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of *text* (0.0 for a text without words)."""
    found = _words(text)
    if not found:
        return 0.0
    return _grade(len(found), len(sentences(text)), sum(map(_MET.__getitem__, found)))


def _grade(words: int, count: int, syllables: int) -> float:
    """Return Flesch-Kincaid's grade for *words* words (at least one), *count* sentences and *syllables*.

    It never falls as *syllables* grows: each step (times or over a positive number, plus the same
    number) rounds a larger float to one at least as large.
    """
    return 0.39 * words / max(count, 1) + 11.8 * syllables / words - 15.59


@functools.lru_cache(maxsize=256)
def _level(text: str, most: float) -> float | None:
    """Return :func:`grade` of *text*, or None where it is at most *most* even if each word not met
    yet has as many syllables as it can: one more than pyphen's points, which lie two letters or
    more from either end (``max(1, len(word) - 2)``). Those words are then not counted at all: a
    message seldom comes near the threshold, and its new words are most of readability's time.
    Kept for the last 256 texts: a text checked again (a draft) would otherwise pass its bound again.
    """
    found = _words(text)
    if not found:
        return 0.0
    count = len(sentences(text))
    met = list(map(_MET.get, found))
    if all(met):  # every word met (a count is never 0)
        return _grade(len(found), count, sum(met))  # type: ignore[arg-type]
    unmet = itertools.compress(found, map(operator.is_, met, itertools.repeat(None)))
    syllables = sum(filter(None, met)) + sum(max(1, len(word) - 2) for word in unmet)
    if _grade(len(found), count, syllables) <= most:
        return None
    return _grade(len(found), count, sum(map(_MET.__getitem__, found)))


def _words(text: str) -> Sequence[str]:
    """Return what ``_WORD`` finds in *text* lowercased (with "\u2019" as "'").

    When every word the tokeniser reads is ASCII letters (with an apostrophe inside), those are
    the same words: ``_WORD`` finds ASCII letters only, a letter belongs to a token, and a token
    ends where ``_WORD`` would (``tests/test_fast_patterns.py`` compares the two).
    """
    words = scan(text)[3]
    joined = "".join(words)
    if joined.isascii() and joined.replace("'", "").isalpha():
        return words
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a message whose grade level is above the threshold, pointing at its hardest sentence."""
    text = ctx.text
    if len(text.split()) < option(ctx, _NAME, "readability.min_words"):
        return []
    most = float(option(ctx, _NAME, "readability.max_grade"))
    level = _level(text, most)
    if level is None or level <= most:
        return []
    spans = sentences(text) or ((0, len(text)),)
    start, end = max(spans, key=lambda span: grade(text[span[0] : span[1]]))
    return [rules(_NAME)["readability.grade"].finding(start, end - start, grade=level, most=most)]
