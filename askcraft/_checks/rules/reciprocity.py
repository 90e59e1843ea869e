"""Reciprocity: a thank-you names what the person did and offers something back."""

from __future__ import annotations

import functools
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.anchors import first_match, phrase_keys, rule_keys
from askcraft._checks.rules.base import phrase_pattern, rules, whole

_NAME = "reciprocity"


@functools.cache
def _offers() -> tuple[re.Pattern[str], frozenset[str] | None]:
    """Return the pattern of the offers, and the words its matches begin with (see ``anchors``)."""
    offers = [str(p) for p in rules(_NAME)["reciprocity.offer"].data["offers"]]
    return phrase_pattern(offers), phrase_keys(offers)


@functools.cache
def _thanks_for() -> tuple[re.Pattern[str], frozenset[str] | None]:
    """Return the pattern of a thanks for something done, and the words its matches begin with."""
    patterns = [str(p) for p in rules(_NAME)["reciprocity.what-they-did"].data["patterns"]]
    return phrase_pattern([], patterns), rule_keys([], patterns)


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a thank-you that offers nothing back or does not say what the person did."""
    if ctx.kind != "thank-you" or not ctx.text.strip():
        return []
    by_id = rules(_NAME)
    offset, _ = whole(ctx.text)
    found = []
    # Each pattern is tried only where a word its matches begin with starts (anchors.first_match).
    if not first_match(*_offers(), ctx.text):
        found.append(by_id["reciprocity.offer"].finding(offset, 0))
    if not first_match(*_thanks_for(), ctx.text):
        found.append(by_id["reciprocity.what-they-did"].finding(offset, 0))
    return found
