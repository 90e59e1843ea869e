"""Reciprocity: a thank-you names what the person did and offers something back."""

from __future__ import annotations

import functools
import re

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import phrase_pattern, rules, whole

_NAME = "reciprocity"


@functools.cache
def _offers() -> re.Pattern[str]:
    return phrase_pattern(rules(_NAME)["reciprocity.offer"].data["offers"])


@functools.cache
def _thanks_for() -> re.Pattern[str]:
    return phrase_pattern([], rules(_NAME)["reciprocity.what-they-did"].data["patterns"])


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a thank-you that offers nothing back or does not say what the person did."""
    if ctx.kind != "thank-you" or not ctx.text.strip():
        return []
    by_id = rules(_NAME)
    offset, _ = whole(ctx.text)
    found = []
    if not _offers().search(ctx.text):
        found.append(by_id["reciprocity.offer"].finding(offset, 0))
    if not _thanks_for().search(ctx.text):
        found.append(by_id["reciprocity.what-they-did"].finding(offset, 0))
    return found
