"""The first two words of a raw pattern's matches, so that a rule is tried only where both can be.

``anchors.pattern_first_words`` reads the words a raw pattern's matches can begin with; here the
same reading goes on to the word after: ``(?:my|our)\\s+(?:old\\s+)?boss`` gives {"my": {"old",
"boss"}, "our": {"old", "boss"}}. ``anchors.anchored_matches`` then skips, in an ASCII text, a key
word whose next word is none of those, as it does for a rule's phrases (``anchors.second_words``).
What a pattern consumes is read as ``pattern_first_words`` reads it; ``tests/test_raw_anchors.py``
compares every rule with ``finditer``.
"""

from __future__ import annotations

import re
from typing import Any

from askcraft._checks.rules.anchors import (
    _IN_WORD,
    _PARSER,
    _REPEATS,
    _ZERO_WIDTH,
    _class_in_word,
    _UnknownError,
    pattern_first_words,
    second_words,
)


def rule_follow(phrases: list[str], patterns: list[str]) -> dict[str, frozenset[str]]:
    """Return, for the key words of phrases and raw patterns, the words that may follow them in a match.

    A key that is a phrase by itself, starts a phrase that is not ASCII, or starts a raw pattern
    whose second word :func:`pattern_second_words` cannot tell is left out: any word may follow it.
    """
    follow: dict[str, frozenset[str] | None] = dict(second_words(phrases))
    for pattern in patterns:
        seconds = pattern_second_words(pattern) or {}
        for key in pattern_first_words(pattern) or ():
            after, known = seconds.get(key), follow.get(key, frozenset())
            follow[key] = None if after is None or known is None else known | after
    return {key: after for key, after in follow.items() if after is not None}


#: While a raw pattern is read for its first two words: the first word (None while it is being
#: read) and the word being read ("" between the two words).
_Pair = tuple[str | None, str]


def pattern_second_words(pattern: str) -> dict[str, frozenset[str] | None] | None:
    """Return, for each first word of *pattern*'s matches, the second words they can have (None: any
    word, as after a match of one word), or None if unsure (see ``anchors.pattern_first_words``).

    A match's words are the text's words where it matches in an ASCII text, as a phrase's are
    (``anchors.second_words``): its first word ends at a character that is not part of a word, and
    what comes before its second word is not part of a word either.
    """
    try:
        pairs: dict[str, set[str] | None] = {}
        for first, word in _pair_sequence(
            list(_PARSER.parse(pattern, re.IGNORECASE).data), {(None, "")}, pairs
        ):
            # What is still open at the end is a whole word (the joined pattern's look-ahead).
            if first is None or not word:
                pairs[_closed(word if first is None else first)] = None  # any word may follow
            else:
                _add_pair(pairs, first, _closed(word))
    except (_UnknownError, re.error):
        return None
    return {first: None if after is None else frozenset(after) for first, after in pairs.items()}


def _closed(prefix: str) -> str:
    """Return the word *prefix* is once a character that is not part of a word follows it."""
    word = prefix.rstrip("'")  # words() drops a trailing apostrophe ("dogs'")
    if not word or not word[0].isalnum() or "''" in word:
        raise _UnknownError  # a match could begin outside a word
    return word


def _add_pair(pairs: dict[str, set[str] | None], first: str, second: str) -> None:
    known = pairs.setdefault(first, set())
    if known is not None:
        known.add(second)


def _pair_sequence(
    items: list[tuple[Any, Any]], open_: set[_Pair], pairs: dict[str, set[str] | None]
) -> set[_Pair]:
    """Read *items* in turn from the states *open_*; return those still open (see :func:`_step`)."""
    for op, av in items:
        if not open_:
            break
        open_ = _pair_step(str(op), av, open_, pairs)
    return open_


def _pair_step(name: str, av: Any, open_: set[_Pair], pairs: dict[str, set[str] | None]) -> set[_Pair]:
    """Read one item of a parsed pattern; return the states still open after it."""
    if name in _ZERO_WIDTH:
        return open_
    if name == "SUBPATTERN":
        return _pair_sequence(list(av[-1].data), open_, pairs)
    if name == "BRANCH":
        return set().union(*(_pair_sequence(list(alt.data), set(open_), pairs) for alt in av[1]))
    if name in _REPEATS:
        low, high, body = av
        once = _pair_sequence(list(body.data), set(open_), pairs)
        if once and high != 1 and not _pair_sequence(list(body.data), set(once), pairs) <= once:
            raise _UnknownError  # more repetitions could read more of a word
        return (open_ | once) if low == 0 else once
    if name == "LITERAL" and not chr(av).isascii():
        raise _UnknownError  # case folding beyond ASCII: not worth reasoning about
    if name == "LITERAL" and _IN_WORD.match(chr(av)):
        return {(first, word + chr(av).lower()) for first, word in open_}
    if name not in ("LITERAL", "IN") or (name == "IN" and _class_in_word(av)):
        raise _UnknownError  # a class that may continue the word, a backreference...
    after: set[_Pair] = set()  # a character that is not part of a word ends the word being read
    for first, word in open_:
        if first is None:
            after.add((_closed(word), ""))
        elif word:
            _add_pair(pairs, first, _closed(word))
        else:
            after.add((first, ""))  # more marks or spaces between the two words
    return after
