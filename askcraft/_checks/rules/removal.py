"""Removing words from a sentence and leaving tidy text: the clauses a match is in, and the cut itself."""

from __future__ import annotations

import re

#: A clause break: ``\s*(?:[,;:\u2014\u2013]|\s-\s)\s*``, written to begin with the class of its first
#: character (a space or a mark) so that the regular expression engine tries it only where one is
#: (``tests/test_fast_patterns.py`` compares the two): after a mark, the spaces that follow; after a
#: space, the rest of the spaces, then a mark or a dash and a space.
_CLAUSE_BREAK = re.compile(r"[\s,;:\u2014\u2013](?:(?<=[,;:\u2014\u2013])|\s*(?:[,;:\u2014\u2013]|-\s))\s*")
_SEPARATORS = re.compile(r"[\s,;:\u2014\u2013-]*")
_END_MARKS = re.compile(r"\s*[.!?\u2026]*[\"'\u201d\u2019)]*\s*")
#: A clause that opens with one of these leans on the clause before it ("..., which is odd"), as
#: does a phrase that opens with a preposition or "even" ("..., of all people", "..., even a no").
_DEPENDENT = re.compile(
    r"[\s,;:\u2014\u2013-]*(?:which|who|whom|whose|that|so|because|as|since|while|although|though|"
    r"and|but|or|yet|hence|therefore|thus|then|of|for|with|without|from|to|at|by|like|unlike|even|"
    r"especially|particularly|including|except|not)\b",
    re.IGNORECASE,
)
_CLOSERS = frozenset(".!?\u2026\"'\u201d\u2019)")
#: ``(?:and|but|so|or|because|which)\b\s*`` in any case, written to begin with the class of the
#: characters its first letters match in any case (``anchors.FOLDS``: "\u017f" is a long s) so that
#: the engine tries it only where one is; a look-behind then picks the words that begin there
#: (``tests/test_fast_patterns.py`` compares the two).
_CONJUNCTION = re.compile(
    r"(?-i:[aAbBoOsSwW\u017f])(?:(?<=a)nd|(?<=b)(?:ut|ecause)|(?<=s)o|(?<=o)r|(?<=w)hich)\b\s*", re.IGNORECASE
)
#: Three letters or digits in a row (``[^\W_]{3,}``), written to begin with the class of the first.
_LONG_WORD = re.compile(r"[^\W_][^\W_]{2}")
#: A greeting that opens a message on the same line as what follows ("Hi Jo, I still haven't heard
#: back."): removing the sentence keeps it ("Hi Jo."), as a letter's greeting line is kept. At most
#: four words after the greeting word ("Dear Dr. Okafor", "hey jo").
_GREETING = re.compile(
    r"(?:hi|hello|hey|hiya|heya|dear|morning|good (?:morning|afternoon|evening))\b"
    r"(?:[ \t]+[^\s,!?:;]+){0,4}?(?P<comma>[ \t]*,)[ \t]*",
    re.IGNORECASE,
)


def clauses_around(text: str, start: int, end: int, hits: list[tuple[int, int]]) -> tuple[int, int]:
    """Return the span of the comma-separated clauses of ``text[start:end]`` that hold *hits*."""
    cuts = [(start, start)]
    cuts.extend((m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end))
    cuts.append((end, end))
    pieces = [(cuts[i][1], cuts[i + 1][0]) for i in range(len(cuts) - 1)]
    held = [p for p in pieces if any(a < p[1] and p[0] < b for a, b in hits)]
    first, last = held[0][0], held[-1][1]
    if not _has_words(text[start:first] + text[last:end]):
        return start, end  # nothing would be left
    if _DEPENDENT.match(text, last, end):
        # What follows leans on the removed clause and goes with it; what comes before stays
        # ("Hi Sam, I'd hoped I could count on you, of all people." -> "Hi Sam.").
        return (first, end) if _has_words(text[start:first]) else (start, end)
    return first, last


def _has_words(text: str) -> bool:
    """Return whether *text* holds a word of three letters or more that is not a conjunction."""
    return _LONG_WORD.search(_CONJUNCTION.sub("", text)) is not None


def remove_words(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int, str]:
    """Return ``(start, end, replacement)`` that removes ``text[start:end]`` and leaves tidy text.

    At the start of a sentence the next word is capitalised ("This is urgent, do you..." ->
    "Do you..."); at its end the end mark stays ("names by Friday?" -> "names?"); in the middle
    one separator and one space stay. A whole sentence goes with the space after it.
    """
    first, last = sentence
    if (start, end) == (first, last):
        greeting = None if text[:first].strip() else _GREETING.match(text, first, last)
        if greeting is not None and greeting.end() < last:
            # "Hi Jo, I still haven't heard back. Any news?" -> "Hi Jo. Any news?"
            return greeting.start("comma"), end, "."
        while end < len(text) and text[end] in " \t":
            end += 1
        return start, end, ""
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1  # the last clause goes, the sentence's end mark stays ("help me, I'm lost." -> "help me.")
    if not text[first:start].strip():
        end += _SEPARATORS.match(text, end).end() - end  # type: ignore[union-attr]
        conjunction = _CONJUNCTION.match(text, end)
        if conjunction is not None and conjunction.end() < last:
            end = conjunction.end()
        following = text[end : end + 1]
        return (start, end + 1, following.upper()) if following.islower() else (start, end, "")
    if _END_MARKS.fullmatch(text, end, last):
        before = text[first:start]
        return first + len(before.rstrip(" \t,;:\u2014\u2013-")), end, ""
    before_sep = text[first:start].rstrip()[-1:] in ",;:"
    after = _SEPARATORS.match(text, end).end()  # type: ignore[union-attr]
    if (before_sep and "," in text[end:after]) or ";" in text[end:after]:
        return start, after, ""
    if text[end : end + 1] in (",", ":"):
        # "reply within a week, that'd be great" -> "reply, that'd be great": the mark stays close.
        while start > first and text[start - 1] in " \t":
            start -= 1
        return start, end, ""
    while end < len(text) and text[end] in " \t":
        end += 1
    return start, end, ""
