"""Patience: a reminder waits long enough after the request, and there is no third one."""

from __future__ import annotations

from datetime import date
from typing import Any

from askcraft._checks.context import CheckContext
from askcraft._checks.findings import Finding
from askcraft._checks.rules.base import OptionError, option, rules, run_phrase_rules, whole

_NAME = "patience"


def check(ctx: CheckContext) -> list[Finding]:
    """Flag a reminder sent too soon after the request, or a third reminder."""
    if ctx.kind != "reminder":
        return []
    by_id = rules(_NAME)
    found = run_phrase_rules(ctx, _NAME)
    offset, _ = whole(ctx.text)
    intent = ctx.intent
    most = option(ctx, _NAME, "patience.min_days")
    sent_on = intent.sent_on if intent is not None and intent.sent_on else _as_date(ctx)
    if sent_on is None:
        found.append(by_id["patience.unknown-date"].finding(offset, 0, most=_days(most)))
    else:
        today = ctx.send_date or (intent.send_date if intent is not None else None) or date.today()
        days = (today - sent_on).days
        if days < most:
            found.append(
                by_id["patience.too-soon"].finding(
                    offset, 0, most=_days(most), sent_on=sent_on, gap=_gap(days)
                )
            )
    max_reminders = option(ctx, _NAME, "patience.max_reminders")
    if intent is not None and intent.reminders_sent + 1 > max_reminders and not _has_third(found):
        found.append(by_id["patience.third-reminder"].finding(offset, 0))
    return found


def _days(n: int) -> str:
    """Return a count of days as words a message can print: '1 day', '7 days'."""
    return f"{n} day" if n == 1 else f"{n} days"


def _gap(days: int) -> str:
    """Return how long before the reminder the request went out, as the too-soon message says it."""
    if days <= 0:
        return "the same day as this one"
    return f"only {_days(days)} before this one"


def _has_third(found: list[Finding]) -> bool:
    """Return whether a third-reminder finding is already there (from the text itself)."""
    return any(f.rule == "patience.third-reminder" for f in found)


def _as_date(ctx: CheckContext) -> date | None:
    value: Any = option(ctx, _NAME, "patience.sent_on")
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise OptionError(
            f"check option 'patience.sent_on' must be a date like 2026-03-02, not {value!r}"
        ) from None
