"""The words a raw regular expression's matches can begin with, so a rule need not try it everywhere.

A rule's raw ``patterns`` join its phrases in one case-insensitive pattern that must follow a
non-word character (see ``base.phrase_pattern``); without help the regular expression engine
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

import importlib
import re
from typing import Any

#: Python's regular expression parser (the module ``re`` compiles with).
_PARSER: Any = importlib.import_module("re._parser")
#: Characters that are part of a word as ``tone_model.words`` reads it.
_IN_WORD = re.compile(r"[^\W_]|['\u2019]")
#: Operations that consume nothing.
_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


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
