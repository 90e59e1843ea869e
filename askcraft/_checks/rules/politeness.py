"""Politeness: the fitted politeness score, orders given as bare commands, and their rewrites."""

from __future__ import annotations

import dataclasses

from askcraft._checks import tone_model as tone
from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import option, removal_finding, rules, sentences, whole
from askcraft._checks.rules.clauses import Command, command, name_words

_NAME = "politeness"
#: Strategy name (askcraft.tone) -> rule id, for the strategies flagged as they are found.
_STRATEGY_RULES = {
    "direct_start": "politeness.direct-start",
    "factuality": "politeness.factuality",
}
_STRATEGIES = frozenset(_STRATEGY_RULES)
#: "Don't forget to send..." asks for the sending: the rewrite keeps only that.
_FORGET = frozenset({"forget", "neglect", "fail"})


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a text whose politeness score is below the threshold, its commands and abrupt words."""
    text = ctx.text
    if not text.strip():
        return []
    by_id = rules(_NAME)
    found = []
    most = option(ctx, _NAME, "politeness.min_score")
    score = tone.politeness(text)
    if score < most:
        offset, length = whole(text)
        found.append(
            by_id["politeness.score"].finding(offset, length, replacements=(), score=score, most=most)
        )
    names = name_words(ctx.names)
    for start, end in sentences(text):
        order = command(text, start, end, names=names)
        if order is not None:
            found.append(_command_finding(text, start, end, order))
    for name, offset, length in sorted(tone.spans(text, _STRATEGIES), key=lambda s: (s[1], s[0])):
        rule = by_id[_STRATEGY_RULES[name]]
        word = text[offset : offset + length]
        if " ".join(word.lower().split()) in rule.data["words"]:
            removed = removal_finding(rule, text, offset, offset + length)
            found.append(dataclasses.replace(removed, message=rule.message.format(word=word)))
    return found


def _command_finding(text: str, start: int, end: int, order: Command) -> Finding:
    """Return the finding for one command, from its first word after any greeting to its end."""
    by_id = rules(_NAME)
    first = order.start
    at_start = first == start
    if order.negative:
        after = order.rest[3:] if len(order.rest) > 3 and order.rest[3][0] == "to" else ()
        rewrite = ""
        if order.verb[0] in _FORGET and after:
            rewrite = _question(text, after[1][1], end, capital=at_start) if len(after) > 1 else ""
        rule = by_id["politeness.negative-command"]
        if rewrite:
            return rule.finding(first, end - first, replacements=(rewrite,))
        return removal_finding(rule, text, first, end)
    please = "please" in text[first : order.verb[1]].lower()
    rule = by_id["politeness.please-start" if please else "politeness.command"]
    rewrite = _question(text, order.verb[1], end, capital=at_start, please=please)
    return rule.finding(first, end - first, replacements=(rewrite,), rewrite=rewrite)


def _question(text: str, start: int, end: int, *, capital: bool, please: bool = False) -> str:
    """Turn the words ``text[start:end]`` of a command into "Could you ...?"."""
    rest = text[start:end].rstrip(" .!?")  # "Forward me the post?" is an order too
    rest = rest[:1].lower() + rest[1:]
    return f"{'Could' if capital else 'could'} you {'please ' if please else ''}{rest}?"
