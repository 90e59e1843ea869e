"""A rule's phrase pattern, and the words its matches can begin with, so it need not be tried everywhere.

:func:`phrase_pattern` joins a rule's phrases and raw ``patterns`` in one case-insensitive
pattern that must follow a non-word character; without help the regular expression engine
tries that pattern at every word of a text. :func:`pattern_first_words` reads a raw pattern with
Python's own parser and returns every word a match can begin with, as ``tone_model.words``
spells it (lowercased, ``'`` for an apostrophe, no trailing apostrophe): ``(?:my|our)\\s+boss``
gives {"my", "our"}, ``(?:i\\s+)?hate`` gives {"i", "hate"}. When it cannot be sure (a match
could begin with a class of letters, or its first word could go on past what the pattern
spells out, as in ``thank\\w*``) it returns None, and the rule scans the whole text as before.

Only what a pattern consumes is read: lookarounds and ``\\b`` only ever narrow the matches, so
ignoring them keeps the set complete. ``tests/test_raw_anchors.py`` compares the anchored
search with ``finditer`` on every rule.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from askcraft._checks.rules.tokeniser import TEXTS_KEPT, scan, word_set

#: Python's regular expression parser (the module ``re`` compiles with).
_PARSER: Any = importlib.import_module("re._parser")
#: Characters that are part of a word as ``tone_model.words`` reads it.
_IN_WORD = re.compile(r"[^\W_]|['\u2019]")
#: Operations that consume nothing.
_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_APOSTROPHES = "'\u2019"
#: Letters, digits and inner apostrophes make a word ("don't", "i'm").
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")
_STARTS_WITH_WORD = re.compile(r"[^\W_]")


def phrase_pattern(phrases: list[str], patterns: list[str] | None = None) -> re.Pattern[str]:
    """Compile phrases (matched on word boundaries, any case, flexible spaces) and raw regexes.

    Longest phrases first, then the raw regexes, as alternatives of one case-insensitive pattern.
    When every phrase is ASCII, the phrases are grouped behind their first character, written
    as the class of characters a case-insensitive pattern matches for it (see :data:`FOLDS`) in
    a case-sensitive group: the regular expression engine skips a group whose first character
    does not fit without entering it, where it would try every case-insensitive phrase in turn.
    Phrases with different first characters never match at the same place, and those in a
    group keep their order, so every match is the same.
    """
    lowered = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)
    words = [phrase.split() for phrase in lowered]
    apostrophe = f"[{_APOSTROPHES}]"
    if all(phrase.isascii() for phrase in lowered) and all(words):
        groups: dict[str, list[str]] = {}
        for split in words:
            tail = r"\s+".join([re.escape(split[0][1:]), *map(re.escape, split[1:])])
            groups.setdefault(_letter(split[0][0]), []).append(tail.replace("'", apostrophe))
        spelled = "|".join(f"{head}(?i:{'|'.join(tails)})" for head, tails in groups.items())
        parts = [f"(?-i:{spelled})"] if groups else []
    else:
        parts = [
            r"\s+".join(re.escape(word) for word in split).replace("'", f"[{_APOSTROPHES}]")
            for split in words
        ]
    parts.extend(patterns or [])
    joined = "|".join(parts)
    # A hyphen joins words ("once-a-week"), so a phrase must not touch one either.
    return re.compile(rf"(?<![\w{_APOSTROPHES}-])(?:{joined})(?![\w{_APOSTROPHES}]|-\w)", re.IGNORECASE)


#: The non-ASCII characters a case-insensitive pattern matches for an ASCII letter: dotted and
#: dotless i, long s and the Kelvin sign (tests/test_phrase_patterns.py checks every code point).
FOLDS = "\u0130\u0131\u017f\u212a"


@functools.cache
def _letter(char: str) -> str:
    """Return the pattern for one character of an ASCII phrase, written to match case-sensitively."""
    if char == "'":
        return f"[{_APOSTROPHES}]"
    if not char.isalpha():
        return re.escape(char)
    same = [c for c in dict.fromkeys((char, char.upper(), *FOLDS)) if re.fullmatch(char, c, re.IGNORECASE)]
    return f"[{''.join(same)}]"


class _UnknownError(Exception):
    """The pattern's first word cannot be read off it."""


def pattern_first_words(pattern: str) -> frozenset[str] | None:
    """Return every first word a match of *pattern* (case-insensitive) can have, or None if unsure."""
    try:
        parsed = _PARSER.parse(pattern, re.IGNORECASE)
        done: set[str] = set()
        # Whatever is still open at the end is a whole word: the joined pattern must not be
        # followed by a word character or an apostrophe.
        _close(_sequence(list(parsed.data), {""}, done), done)
    except (_UnknownError, re.error):
        return None
    return frozenset(done)


def _close(open_: set[str], done: set[str]) -> None:
    """Record the words *open_* as finished (a character that is not part of a word follows)."""
    for prefix in open_:
        word = prefix.rstrip("'")  # words() drops a trailing apostrophe ("dogs'")
        if not word or not word[0].isalnum() or "''" in word:
            raise _UnknownError  # a match could begin outside a word
        done.add(word)


def _sequence(items: list[tuple[Any, Any]], open_: set[str], done: set[str]) -> set[str]:
    """Read *items* in turn from the first-word prefixes *open_*; return those still open."""
    for op, av in items:
        if not open_:
            break
        open_ = _step(str(op), av, open_, done)
    return open_


def _step(name: str, av: Any, open_: set[str], done: set[str]) -> set[str]:
    """Read one item of a parsed pattern; return the prefixes still open after it."""
    if name in _ZERO_WIDTH:
        return open_
    if name == "LITERAL":
        char = chr(av)
        if not char.isascii():
            raise _UnknownError  # case folding beyond ASCII: not worth reasoning about
        if _IN_WORD.match(char):
            return {prefix + char.lower() for prefix in open_}
    elif name == "SUBPATTERN":
        return _sequence(list(av[-1].data), open_, done)
    elif name == "BRANCH":
        after: set[str] = set()
        for alternative in av[1]:
            after |= _sequence(list(alternative.data), set(open_), done)
        return after
    elif name in _REPEATS:
        low, high, body = av
        once = _sequence(list(body.data), set(open_), done)
        if once and high != 1:
            raise _UnknownError  # the word could grow by more repetitions
        return (open_ | once) if low == 0 else once
    elif name != "IN" or _class_in_word(av):
        raise _UnknownError  # a class that may continue the word, a backreference...
    _close(open_, done)  # a character that is not part of a word ends every first word
    return set()


def _class_in_word(items: list[tuple[Any, Any]]) -> bool:
    """Return whether a character class may match a character of a word (True when unsure)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            if _IN_WORD.match(chr(av)) or not chr(av).isascii():
                return True
        elif name != "CATEGORY" or str(av) != "CATEGORY_SPACE":
            return True
    return False


def anchored_matches(
    pattern: re.Pattern[str],
    keys: frozenset[str],
    text: str,
    follow: Mapping[str, frozenset[str]] | None = None,
) -> Iterator[re.Match[str]]:
    """Yield what ``pattern.finditer(text)`` would, trying only where one of *keys* starts a word.

    For a phrase pattern whose phrases each begin with one of *keys* (a word, not punctuation)
    and must follow a non-word character, a match can only begin where a key word does, so
    anchoring there skips scanning the whole text once per rule. In an ASCII text, a key word
    in *follow* is tried only where the next word is one of those it maps to (a phrase's words
    are the text's words where it matches; see :func:`second_words`): so a key word none of whose
    next words the text holds is not looked for at all, nor a text with no other key words.
    """
    _, _, _, words, starts, _ = scan(text)
    check = follow if follow and text.isascii() else None
    if check is not None:
        present = word_set(text)
        keys = frozenset(
            [key for key in keys & present if key not in check or not check[key].isdisjoint(present)]
        )
        if not keys:
            return
    order = itertools.compress(range(len(words)), map(keys.__contains__, words))  # key words, in turn
    last = len(words) - 1
    end = -1
    for number in order:
        at = starts[number]
        if at < end:
            continue  # finditer's matches never overlap
        word = words[number]
        if check is not None and word in check and (number == last or words[number + 1] not in check[word]):
            continue
        match = pattern.match(text, at)
        if match is not None:
            end = match.end()
            yield match


def phrase_keys(phrases: list[str]) -> frozenset[str] | None:
    """Return the first words of *phrases*, where every match of ``phrase_pattern(phrases)`` begins.

    None when a phrase does not begin with a word or a first word is not ASCII (then the words
    a case-insensitive match can begin with are not only these): search the whole text.
    """
    keys = first_words(phrases)
    return keys if starts_with_word(phrases) and all(key.isascii() for key in keys) else None


def has_folds(text: str) -> bool:
    """Return whether *text* holds a letter a case-insensitive pattern takes for an ASCII one (FOLDS).

    A phrase's match can begin there where the text's word is not the phrase's first word.
    """
    return not text.isascii() and any(c in text for c in FOLDS)


def may_match(keys: frozenset[str] | None, text: str) -> bool:
    """Return False when a phrase pattern with these *keys* (see :func:`phrase_keys`) cannot match *text*."""
    return keys is None or has_folds(text) or not keys.isdisjoint(scan(text)[3])


@functools.lru_cache(maxsize=TEXTS_KEPT)
def key_offsets(keys: frozenset[str], text: str) -> tuple[int, ...]:
    """Return where the words of *text* that are one of *keys* start, in order.

    Cached: a text's ask sentences, say, are each searched from the same offsets.
    """
    _, _, _, words, starts, _ = scan(text)
    return tuple(itertools.compress(starts, map(keys.__contains__, words)))


def first_match(
    pattern: re.Pattern[str], keys: frozenset[str] | None, text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """Return ``pattern.search(text, start, end)`` for a phrase pattern, trying it only at its *keys*.

    *keys* are the first words of its phrases (:func:`phrase_keys`): a match begins where one
    of them does, so the first of them where the pattern matches is where the search finds it.
    """
    stop = len(text) if end is None else end
    if keys is None or has_folds(text):
        return pattern.search(text, start, stop)
    offsets = key_offsets(keys, text)
    for at in offsets[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, stop)]:
        match = pattern.match(text, at, stop)
        if match is not None:
            return match
    return None


def rule_keys(phrases: list[str], patterns: list[str]) -> frozenset[str] | None:
    """Return every word a match of the phrases and raw patterns begins with, or None if unknown."""
    if not starts_with_word(phrases):
        return None
    keys = set(first_words(phrases))
    for pattern in patterns:
        starts = pattern_first_words(pattern)
        if starts is None:
            return None
        keys |= starts
    return frozenset(keys)


def first_words(phrases: list[str]) -> frozenset[str]:
    """Return the lowercased first word of each phrase, as ``tone_model.words`` finds it."""
    keys = set()
    for phrase in phrases:
        match = _WORD.search(str(phrase).lower().replace("\u2019", "'"))
        if match is not None:
            keys.add(match.group())
    return frozenset(keys)


def whole_words(phrases: list[str]) -> frozenset[str]:
    """Return the phrases that are one plain ASCII word and begin no longer phrase.

    Where such a word stands alone (no word character or apostrophe either side), the phrase
    pattern matches exactly it, so ``tone_model._find`` needs no regular expression to confirm it.
    """
    lowered = [str(p).lower() for p in phrases]
    single = {p for p in lowered if p.isascii() and _WORD.fullmatch(p)}
    longer = {key for p in lowered if p not in single for key in first_words([p])}
    return frozenset(single - longer)


def second_words(phrases: list[str]) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """Return, for each first word of *phrases*, the second words of the phrases it starts.

    In an ASCII text a phrase's words are the text's words where it matches (its spaces match
    spaces, its other marks themselves), so where the word after a key word is none of these,
    no phrase can match there. A key that is a phrase by itself, or that starts a phrase that
    is not ASCII, gets None: any word may follow it.
    """
    seconds: dict[str, set[str] | None] = {}
    for phrase in phrases:
        lowered = str(phrase).lower()
        found = _WORD.findall(lowered.replace("\u2019", "'"))
        if not found:
            continue
        known = seconds.setdefault(found[0], set())
        if len(found) < 2 or not lowered.isascii():
            seconds[found[0]] = None
        elif known is not None:
            known.add(found[1])
    return tuple((key, None if after is None else frozenset(after)) for key, after in seconds.items())


def starts_with_word(phrases: list[str]) -> bool:
    """Return whether every phrase begins with a word character (so it can be anchored)."""
    return all(_STARTS_WITH_WORD.match(str(p).lower()) for p in phrases)
