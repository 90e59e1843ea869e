"""A follow-up reminder as an iCalendar file (``.ics``).

The summary holds nothing a header may not (``safety.py``); the description has every kind
of line break made one newline (which iCalendar escapes) and no other control character, so
no text can start a line of its own (``BEGIN:VEVENT``). The calendar is parsed back before it
is returned: exactly one to-do, with the summary and description meant.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from askcraft._errors import IntentError
from askcraft._export.safety import calendar_text, check_written

if TYPE_CHECKING:
    from askcraft._export.exportable import Exportable as Draft

_FOLLOW_UP = {
    "request": "Send {name} a gentle reminder if you haven't heard back",
    "reminder": "If {name} hasn't answered, let this ask rest and thank them anyway",
    "thank-you": "Check in with {name} and offer your help",
}


def _summary(kind: str, name: str) -> str:
    return _FOLLOW_UP[kind].format(name=name)


def _calendar(summary: str, description: str, due: date) -> bytes:
    import icalendar  # noqa: PLC0415  (only needed for this exporter)

    cal = icalendar.Calendar()
    cal.add("prodid", "-//askcraft//askcraft//EN")
    cal.add("version", "2.0")
    todo = icalendar.Todo()
    todo.add("uid", f"{uuid.uuid4()}@askcraft")
    todo.add("dtstamp", datetime.now(UTC))
    todo.add("summary", summary)
    todo.add("due", due)
    todo.add("description", description)
    cal.add_component(todo)
    data: bytes = cal.to_ical()
    return data


def to_ics(draft: Draft, *, days: int = 7) -> bytes:
    """Return an iCalendar to-do reminding the sender to follow up *days* after sending."""
    if days < 1:
        raise ValueError("days must be 1 or more: give people time to answer")
    intent = draft.intent
    sent = intent.send_date or date.today()
    summary = check_written(draft, _summary(intent.kind, intent.recipient.name), "calendar summary")
    description = calendar_text(draft.to_text(), "calendar description", draft)
    raw = _calendar(summary, description, sent + timedelta(days=days))
    problem = _read_back_problem(raw, summary, description)
    if problem:
        raise IntentError(
            f"refusing to write this .ics: its {problem} does not read back as written. This is a "
            "bug in askcraft; please report it with the intent (or use --format text)",
            problems=[f"ics: {problem}"],
        )
    return raw


def _read_back_problem(raw: bytes, summary: str, description: str) -> str | None:
    import icalendar  # noqa: PLC0415

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "encoding"
    # Every line break a reader might honour must be one of the CR LFs the writer put there.
    if not text.endswith("\r\n") or text.splitlines() != text.split("\r\n")[:-1]:
        return "line structure"
    begins = [line for line in text.split("\r\n") if line.startswith("BEGIN:")]
    if begins != ["BEGIN:VCALENDAR", "BEGIN:VTODO"]:
        return "component list"
    try:
        cal: Any = icalendar.Calendar.from_ical(raw)
    except ValueError:
        return "calendar"
    components = [c.name for c in cal.walk()]
    if components != ["VCALENDAR", "VTODO"]:
        return "component list"
    (todo,) = cal.walk("VTODO")
    if str(todo.get("summary")) != summary:
        return "summary"
    if str(todo.get("description")) != description:
        return "description"
    return None
