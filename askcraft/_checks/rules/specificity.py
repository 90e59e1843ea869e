"""Specificity: a request says how many, where (industry, role, company) and asks clearly."""

from __future__ import annotations

import functools
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.anchors import first_match
from askcraft._checks.rules.asks import ask_sentences, lexicon_keys, number_pattern, people_pattern
from askcraft._checks.rules.base import lexicon, phrase_pattern, rules, run_phrase_rules

_NAME = "specificity"
#: "at Acme", "in the banking industry", "for Globex": a capitalised name or a named field.
_WHERE = re.compile(
    r"\b(?:at|with|for|from|join|joining|into)\s+(?:the\s+)?[A-Z][\w&'.-]*"
    r"|\b\w+\s+(?:industry|field|sector|space|team|department)\b"
)


@functools.cache
def _fields() -> re.Pattern[str]:
    return phrase_pattern(lexicon("asks")["fields"])


@functools.cache
def _jobs() -> re.Pattern[str]:
    return phrase_pattern(lexicon("asks")["job_words"])


def check(ctx: CheckContext) -> list[Finding]:
    """Flag vague asks, asks for names without a number, and job asks that do not say where."""
    found = run_phrase_rules(ctx, _NAME)
    by_id = rules(_NAME)
    text = ctx.text
    count_rule = by_id["specificity.count"]
    if count_rule.applies(ctx):
        for start, end in ask_sentences(text):
            if number_pattern().search(text, start, end):
                continue
            noun = first_match(people_pattern(), lexicon_keys("people_nouns"), text, start, end)
            if noun is not None:
                found.append(count_rule.finding(noun.start(), noun.end() - noun.start()))
    target = by_id["specificity.target"]
    if not target.applies(ctx):
        return found
    job = first_match(_jobs(), lexicon_keys("job_words"), text)
    if job is not None and _asks_for_leads(text) and not _says_where(ctx):
        found.append(target.finding(job.start(), job.end() - job.start()))
    return found


def _asks_for_leads(text: str) -> bool:
    """Return whether the message asks for people or jobs, where "where" matters.

    "I'm ready for a role with more client contact. Could you look over my CV?" mentions a role
    but asks a favour that is specific already. A message without an ask the checks can find is
    read as asking for leads, as before.
    """
    spans = tuple(ask_sentences(text))
    if not spans:
        return True
    return any(
        first_match(people_pattern(), lexicon_keys("people_nouns"), text, start, end)
        or first_match(_jobs(), lexicon_keys("job_words"), text, start, end)
        for start, end in spans
    )


def _says_where(ctx: CheckContext) -> bool:
    if first_match(_fields(), lexicon_keys("fields"), ctx.text) or _WHERE.search(ctx.text):
        return True
    intent = ctx.intent
    named = [*ctx.names]
    if intent is not None:
        named += [v for v in (intent.industry, intent.role, intent.company, intent.recipient.company) if v]
    lowered = ctx.text.lower()
    return any(name.lower() in lowered for name in named)
