"""Negativity: complaints about an employer or boss, and desperation."""

from __future__ import annotations

from askcraft._checks import CheckContext
from askcraft._findings import Finding
from askcraft._rules._base import run_phrase_rules


def check(ctx: CheckContext) -> list[Finding]:
    """Flag complaints about an employer or boss and desperate phrasing."""
    return run_phrase_rules(ctx, "negativity")
