"""A follow-up reminder as an iCalendar file (``.ics``)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable as Draft


def to_ics(draft: Draft, *, days: int = 7) -> bytes:
    """Return an iCalendar to-do reminding the sender to follow up *days* after sending."""
    import icalendar  # noqa: PLC0415  (only needed for this exporter)

    if days < 1:
        raise ValueError("days must be 1 or more: give people time to answer")
    intent = draft.intent
    sent = intent.send_date or date.today()
    due = sent + timedelta(days=days)
    follow_up = {
        "request": f"Send {intent.recipient.name} a gentle reminder if you haven't heard back",
        "reminder": f"If {intent.recipient.name} hasn't answered, let this ask rest and thank them anyway",
        "thank-you": f"Check in with {intent.recipient.name} and offer your help",
    }[intent.kind]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//askcraft//askcraft//EN")
    cal.add("version", "2.0")
    todo = icalendar.Todo()
    todo.add("uid", f"{uuid.uuid4()}@askcraft")
    todo.add("dtstamp", datetime.now(UTC))
    todo.add("summary", follow_up)
    todo.add("due", due)
    todo.add("description", draft.to_text())
    cal.add_component(todo)
    data: bytes = cal.to_ical()
    return data
