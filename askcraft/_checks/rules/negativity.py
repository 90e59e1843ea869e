"""Negativity: complaints about an employer or boss, and desperation."""

from __future__ import annotations

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import run_phrase_rules
from askcraft._checks.rules.construction_rules import run_construction_rules


def check(ctx: CheckContext) -> list[Finding]:
    """Flag complaints about an employer or boss and desperate phrasing."""
    return run_phrase_rules(ctx, "negativity") + run_construction_rules(ctx, "negativity")
