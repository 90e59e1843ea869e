"""Ask-size: one small ask per message, and not too many names from one person."""

from __future__ import annotations

import functools
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.asks import ask_pattern, ask_sentences, counted_names
from askcraft._checks.rules.base import option, rules, sentences

_NAME = "ask_size"
_FIRST_PERSON = re.compile(r"(?:i|we|i've|i'm|we've|i'd|my|our)\b", re.IGNORECASE)


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a second (third, ...) ask in one message and asks for more names than allowed."""
    by_id = rules(_NAME)
    found: list[Finding] = []
    asks_rule = by_id["ask-size.asks"]
    if asks_rule.applies(ctx):
        asks = list(ask_sentences(ctx.text))
        most = option(ctx, _NAME, "ask-size.max_asks")
        for start, end in asks[most:]:
            found.append(asks_rule.finding(start, end - start, count=len(asks)))
    names_rule = by_id["ask-size.names"]
    if names_rule.applies(ctx):
        most = option(ctx, _NAME, "ask-size.max_names")
        flagged = False
        for start, end, count in counted_names(ctx.text, 0, len(ctx.text)):
            if count > most and _is_asked(ctx.text, start):
                found.append(
                    names_rule.finding(
                        start, end - start, replacements=(_fewer(most),), count=count, most=most
                    )
                )
                flagged = True
        intent = ctx.intent
        if not flagged and intent is not None and intent.count is not None and intent.count > most:
            found.append(names_rule.finding(replacements=(), count=intent.count, most=most))
    return found


@functools.cache
def _fewer(most: int) -> str:
    # Imported here: inflect costs a second to load, and only a flagged ask needs it.
    from askcraft._render.words import number_words  # noqa: PLC0415

    return f"{number_words(most)} people"


def _is_asked(text: str, offset: int) -> bool:
    # "I've called ten people already" reports what you did: a count is asked for when it
    # comes after an ask phrase ("could you", "do you know") in its sentence, or in a sentence
    # that does not start by talking about yourself ("Send me ten names").
    for start, end in sentences(text):
        if start <= offset < end:
            if any(m.start() < offset for m in ask_pattern().finditer(text, start, end)):
                return True
            return _FIRST_PERSON.match(text, start) is None
    return False
