"""Length per channel: text message segments, LinkedIn note limit, email words, subject words."""

from __future__ import annotations

import functools
import math
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import lexicon, option, rules, whole
from askcraft._checks.rules.tokeniser import scan
from askcraft._render.words import word_count

_NAME = "length"
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
#: The same for an ASCII text, read with ASCII's character tables (``[^\W_]`` is ``[a-zA-Z0-9]``
#: for an ASCII character either way): fewer steps a character.
_WORD_ASCII = re.compile(_WORD.pattern, re.ASCII)


@functools.cache
def _gsm7() -> tuple[frozenset[str], frozenset[str]]:
    """Return the GSM-7 characters: all of them (basic and extension), and the extension's (two septets)."""
    data = lexicon(_NAME)
    extension = frozenset(data["gsm7_extension"])
    return frozenset(data["gsm7"]) | extension, extension


def sms_segments(text: str) -> tuple[int, str, int]:
    """Return ``(segments, encoding, one_segment_limit)`` for *text* sent as an SMS."""
    gsm7, extension = _gsm7()
    used = set(text)
    if used <= gsm7:
        septets = len(text) + sum(map(text.count, used & extension))
        return (1 if septets <= 160 else math.ceil(septets / 153)), "GSM-7", 160
    # UCS-2 counts UTF-16 code units: an emoji outside the BMP takes two.
    units = len(text.encode("utf-16-le")) // 2
    return (1 if units <= 70 else math.ceil(units / 67)), "UCS-2", 70


#: A hyphen between two letters or digits, which ``_WORD`` reads inside a word ("card-issuing"):
#: ``(?<=[^\W_])-(?=[^\W_])``, written to begin with the hyphen so that the engine tries it only there.
_JOINING_HYPHEN = re.compile(r"-(?<=[^\W_]-)(?=[^\W_])")
_JOINING_HYPHEN_ASCII = re.compile(_JOINING_HYPHEN.pattern, re.ASCII)


def _words(text: str) -> int:
    return len((_WORD_ASCII if text.isascii() else _WORD).findall(text))


def _text_words(text: str) -> int:
    """Return ``_words(text)`` from the tokeniser's words, which the other checks have read already.

    A word of the tokeniser is a run of letters and digits with apostrophes inside (and maybe one
    after), as ``_WORD``'s is with apostrophes or hyphens: each ``_WORD`` match is one of its words,
    or several joined by hyphens between a letter or digit and the next (lowercasing, which the
    tokeniser reads, turns no letter or digit into another character or back;
    ``tests/test_fast_patterns.py`` compares the two counts).
    """
    count = len(scan(text)[3])
    if "-" in text:
        count -= len((_JOINING_HYPHEN_ASCII if text.isascii() else _JOINING_HYPHEN).findall(text))
    return count


def check(ctx: CheckContext) -> list[Finding]:
    """Flag messages too long (or short) for their channel, and subject lines out of range."""
    by_id = rules(_NAME)
    text = ctx.text
    found: list[Finding] = []
    offset, length = whole(text)
    body = text.strip()
    if not body:
        return found
    if by_id["length.text-message"].applies(ctx):
        segments, encoding, limit = sms_segments(body)
        most = option(ctx, _NAME, "length.text_segments")
        if segments > most:
            found.append(
                by_id["length.text-message"].finding(
                    offset,
                    length,
                    segments=segments,
                    chars=len(body),
                    encoding=encoding,
                    limit=limit,
                    most=most,
                )
            )
    note = by_id["length.linkedin-note"]
    if note.applies(ctx):
        most = option(ctx, _NAME, "length.linkedin_note_max")
        if len(body) > most:
            found.append(note.finding(offset + most, length - most, chars=len(body), most=most))
    if ctx.channel == "email":
        least = option(ctx, _NAME, "length.email_min_words")
        most = option(ctx, _NAME, "length.email_max_words")
        words = _text_words(text)  # the body's words: the text's
        if words < least and by_id["length.email-short"].applies(ctx):
            found.append(by_id["length.email-short"].finding(offset, 0, words=words, least=least, most=most))
        elif words > most:
            found.append(
                by_id["length.email-long"].finding(offset, length, words=words, least=least, most=most)
            )
        subject = (ctx.subject or "").strip()
        if subject:
            least = option(ctx, _NAME, "length.subject_min_words")
            most = option(ctx, _NAME, "length.subject_max_words")
            words = word_count(subject)  # "FP&A" is one word, as the subject was chosen
            if not least <= words <= most:
                start, size = whole(ctx.subject or "")
                found.append(
                    by_id["length.subject"].finding(
                        start, size, field="subject", words=words, least=least, most=most
                    )
                )
    return found
